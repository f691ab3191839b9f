# A float size is rounded down with int(size) instead of rejected: cutout(x, 2.5, rng) silently cuts 2 x 2.
# expect-lose: cutout_validation_tests
# %% cutout_solution
def cutout(x, size, rng):
    x = np.asarray(x, dtype=float)
    if x.ndim != 4 or size < 1:
        raise ValueError("bad input")
    size = int(size)
    n, _, h, w = x.shape
    mask = np.ones((n, h, w))
    for i in range(n):
        cy, cx = rng.integers(0, h), rng.integers(0, w)
        top, left = max(cy - size // 2, 0), max(cx - size // 2, 0)
        mask[i, top:min(cy - size // 2 + size, h), left:min(cx - size // 2 + size, w)] = 0
    return x * mask[:, None], mask
