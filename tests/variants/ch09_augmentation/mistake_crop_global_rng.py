# The random resized crop ignores its generator and always crops the top-left corner at full size.
# expect-lose: crop_tests, crop_statistics_tests
# %% crop_solution
def random_resized_crop(img, size, scale, generator):
    if img.ndim != 3 or not 0 < scale[0] <= scale[1] <= 1:
        raise ValueError("bad input")
    _, h, w = img.shape
    k = min(h, w)
    return F.interpolate(img[None, :, :k, :k], size=(size, size), mode="bilinear", align_corners=False)[0]


def validation_transform(img, resize, crop, mean, std):
    if img.ndim != 3 or crop > resize or len(mean) != img.shape[0] or len(std) != img.shape[0]:
        raise ValueError("bad input")
    _, h, w = img.shape
    nh, nw = (resize, round(w * resize / h)) if h <= w else (round(h * resize / w), resize)
    x = F.interpolate(img[None], size=(nh, nw), mode="bilinear", align_corners=False)[0]
    x = x[:, (nh - crop) // 2:(nh - crop) // 2 + crop, (nw - crop) // 2:(nw - crop) // 2 + crop]
    return (x - torch.tensor(mean)[:, None, None]) / torch.tensor(std)[:, None, None]
