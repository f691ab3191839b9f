# Every channel gets its own square: CutOut must remove the same region from all channels of an image.
# expect-lose: cutout_tests
# %% cutout_solution
def cutout(x, size, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4 or isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad input")
    n, c, h, w = x.shape
    full = np.ones((n, c, h, w))
    for i in range(n):
        for ch in range(c):
            cy, cx = rng.integers(0, h), rng.integers(0, w)
            full[i, ch, max(cy - size // 2, 0):min(cy - size // 2 + size, h),
                 max(cx - size // 2, 0):min(cx - size // 2 + size, w)] = 0
    return x * full, full[:, 0]
