# The start not clipped at 0: a negative start wraps around and zeroes the wrong rows (or nothing).
# expect-lose: cutout_tests, cutout_statistics_tests
# %% cutout_solution
def cutout(x, size, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4 or isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad input")
    n, _, h, w = x.shape
    mask = np.ones((n, h, w))
    for i in range(n):
        cy, cx = rng.integers(0, h), rng.integers(0, w)
        mask[i, cy - size // 2:min(cy - size // 2 + size, h), cx - size // 2:min(cx - size // 2 + size, w)] = 0
    return x * mask[:, None], mask
