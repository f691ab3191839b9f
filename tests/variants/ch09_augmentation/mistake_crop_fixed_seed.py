# A fresh generator with a fixed seed inside the function: deterministic, but every call gives the same crop.
# expect-lose: crop_statistics_tests
# %% crop_solution
def random_resized_crop(img, size, scale, generator):
    if img.ndim != 3 or not 0 < scale[0] <= scale[1] <= 1:
        raise ValueError("bad input")
    lo, hi = scale
    _, h, w = img.shape
    own = torch.Generator().manual_seed(0)
    s = lo + (hi - lo) * torch.rand(1, generator=own).item()
    k = max(1, min(h, w, round((s * h * w) ** 0.5)))
    top = int(torch.randint(0, h - k + 1, (1,), generator=own))
    left = int(torch.randint(0, w - k + 1, (1,), generator=own))
    return F.interpolate(img[None, :, top:top + k, left:left + k], size=(size, size), mode="bilinear",
                         align_corners=False)[0]


def validation_transform(img, resize, crop, mean, std):
    if img.ndim != 3 or crop > resize or len(mean) != img.shape[0] or len(std) != img.shape[0]:
        raise ValueError("bad input")
    _, h, w = img.shape
    nh, nw = (resize, round(w * resize / h)) if h <= w else (round(h * resize / w), resize)
    x = F.interpolate(img[None], size=(nh, nw), mode="bilinear", align_corners=False)[0]
    x = x[:, (nh - crop) // 2:(nh - crop) // 2 + crop, (nw - crop) // 2:(nw - crop) // 2 + crop]
    return (x - torch.as_tensor(mean)[:, None, None]) / torch.as_tensor(std)[:, None, None]
