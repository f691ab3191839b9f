# Zeroes the squares in the caller's batch (x[i, :, ...] = 0) and returns it.
# expect-lose: cutout_tests
# %% cutout_solution
def cutout(x, size, rng):
    if np.ndim(x) != 4 or isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad input")
    x = np.asarray(x)
    n, _, h, w = x.shape
    mask = np.ones((n, h, w))
    for i in range(n):
        cy, cx = rng.integers(0, h), rng.integers(0, w)
        rows = slice(max(cy - size // 2, 0), min(cy - size // 2 + size, h))
        cols = slice(max(cx - size // 2, 0), min(cx - size // 2 + size, w))
        mask[i, rows, cols] = 0
        x[i, :, rows, cols] = 0
    return x.astype(float), mask
