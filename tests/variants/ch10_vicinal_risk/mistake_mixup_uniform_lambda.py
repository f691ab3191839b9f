# lam drawn uniformly from [0, 1] (Beta(1, 1)) whatever alpha is.
# expect-lose: mixup_statistics_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if alpha <= 0 or y.ndim != 2 or len(x) != len(y):
        raise ValueError("bad input")
    perm = rng.permutation(len(x))
    lam = rng.uniform(size=len(x)) if per_sample else float(rng.uniform())
    lam_x = np.reshape(lam, (-1,) + (1,) * (x.ndim - 1)) if per_sample else lam
    lam_y = np.reshape(lam, (-1, 1)) if per_sample else lam
    return lam_x * x + (1 - lam_x) * x[perm], lam_y * y + (1 - lam_y) * y[perm], lam, perm
