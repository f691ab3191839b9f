# One flip decision for the whole batch: torch.rand(1) < p decides for every image.
# expect-lose: flip_crop_tests, flip_crop_statistics_tests
# %% flip_crop_solution
def random_flip_crop(images, p, padding, generator):
    """Per image: mirror with probability p, then an H x W window of the image zero-padded by `padding`.

    Draws flips = torch.rand(N, generator=generator) < p, then
    offsets = torch.randint(0, 2 * padding + 1, (N, 2), generator=generator) (top, left); returns a new tensor.
    """
    if not isinstance(images, torch.Tensor) or not images.is_floating_point():
        raise TypeError(f"images must be a floating-point torch.Tensor, got {type(images).__name__}")
    if images.ndim != 4:
        raise ValueError(f"images must have shape (N, C, H, W), got {tuple(images.shape)}")
    if not 0 <= p <= 1:
        raise ValueError(f"p must lie in [0, 1], got {p}")
    if padding < 0:
        raise ValueError(f"padding must be >= 0, got {padding}")
    count, _, height, width = images.shape
    flips = (torch.rand(1, generator=generator) < p).expand(count)
    offsets = torch.randint(0, 2 * padding + 1, (count, 2), generator=generator)
    padded = F.pad(images, (padding, padding, padding, padding))
    out = torch.empty_like(images)
    for i in range(count):
        sample = padded[i].flip(-1) if flips[i] else padded[i]
        top, left = offsets[i].tolist()
        out[i] = sample[:, top:top + height, left:left + width]
    return out
