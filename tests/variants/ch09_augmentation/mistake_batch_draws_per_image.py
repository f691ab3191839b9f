# Draws a flip and an offset pair per image inside the loop: independent and uniform,
# but not the stream the contract fixes.
# expect-lose: flip_crop_tests
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
    padded = F.pad(images, (padding, padding, padding, padding))
    out = torch.empty_like(images)
    for i in range(count):
        flip = torch.rand(1, generator=generator) < p
        top, left = torch.randint(0, 2 * padding + 1, (2,), generator=generator).tolist()
        sample = padded[i].flip(-1) if flip else padded[i]
        out[i] = sample[:, top:top + height, left:left + width]
    return out
