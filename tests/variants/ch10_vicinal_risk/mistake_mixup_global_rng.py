# lam and perm from the global NumPy random state instead of rng.
# expect-lose: mixup_statistics_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if alpha <= 0 or y.ndim != 2 or len(x) != len(y):
        raise ValueError("bad input")
    perm = np.random.permutation(len(x))
    lam = np.random.beta(alpha, alpha, size=len(x)) if per_sample else float(np.random.beta(alpha, alpha))
    lam_x = np.reshape(lam, (-1,) + (1,) * (x.ndim - 1)) if per_sample else lam
    lam_y = np.reshape(lam, (-1, 1)) if per_sample else lam
    return lam_x * x + (1 - lam_x) * x[perm], lam_y * y + (1 - lam_y) * y[perm], lam, perm
