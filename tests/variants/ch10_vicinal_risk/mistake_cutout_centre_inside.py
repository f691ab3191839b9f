# The centre drawn so that the square always fits inside the image (no clipping ever).
# expect-lose: cutout_statistics_tests
# %% cutout_solution
def cutout(x, size, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4 or isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad input")
    n, _, h, w = x.shape
    mask = np.ones((n, h, w))
    for i in range(n):
        cy = rng.integers(size // 2, max(h - size + size // 2, size // 2) + 1) if size <= h else rng.integers(0, h)
        cx = rng.integers(size // 2, max(w - size + size // 2, size // 2) + 1) if size <= w else rng.integers(0, w)
        top, left = max(cy - size // 2, 0), max(cx - size // 2, 0)
        mask[i, top:min(cy - size // 2 + size, h), left:min(cx - size // 2 + size, w)] = 0
    return x * mask[:, None], mask
