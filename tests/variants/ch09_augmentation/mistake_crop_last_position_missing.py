# The corner drawn from {0, ..., H-k-1} (floor of u * (H - k)): a crop touching the bottom or right edge never
# happens.
# expect-lose: crop_statistics_tests
# %% crop_solution
def random_resized_crop(img, size, scale, generator):
    if img.ndim != 3 or not 0 < scale[0] <= scale[1] <= 1:
        raise ValueError("bad input")
    lo, hi = scale
    _, h, w = img.shape
    s = lo + (hi - lo) * torch.rand(1, generator=generator).item()
    k = max(1, min(h, w, round((s * h * w) ** 0.5)))
    top = int(torch.rand(1, generator=generator).item() * (h - k))
    left = int(torch.rand(1, generator=generator).item() * (w - k))
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
