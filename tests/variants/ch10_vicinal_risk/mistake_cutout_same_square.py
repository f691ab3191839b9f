# One square for the whole batch instead of one per image.
# expect-lose: cutout_statistics_tests
# %% cutout_solution
def cutout(x, size, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4 or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad input")
    n, _, h, w = x.shape
    cy, cx = rng.integers(0, h), rng.integers(0, w)
    mask = np.ones((n, h, w))
    top, left = max(cy - size // 2, 0), max(cx - size // 2, 0)
    mask[:, top:min(cy - size // 2 + size, h), left:min(cx - size // 2 + size, w)] = 0
    return x * mask[:, None], mask
