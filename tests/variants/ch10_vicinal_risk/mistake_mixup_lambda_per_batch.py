# The reverse: per_sample=True still uses a single lambda, repeated for every example.
# expect-lose: mixup_statistics_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if alpha <= 0 or y.ndim != 2 or len(x) != len(y):
        raise ValueError("bad input")
    perm = rng.permutation(len(x))
    lam = float(rng.beta(alpha, alpha))
    x_mixed, y_mixed = lam * x + (1 - lam) * x[perm], lam * y + (1 - lam) * y[perm]
    return x_mixed, y_mixed, (np.full(len(x), lam) if per_sample else lam), perm
