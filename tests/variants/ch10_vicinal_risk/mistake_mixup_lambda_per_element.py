# Draws one lambda per example even when the contract asks for one per batch.
# expect-lose: mixup_tests, mixup_statistics_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if alpha <= 0 or y.ndim != 2 or len(x) != len(y):
        raise ValueError("bad input")
    perm = rng.permutation(len(x))
    lam = rng.beta(alpha, alpha, size=len(x))
    lam_x = lam.reshape((-1,) + (1,) * (x.ndim - 1))
    return lam_x * x + (1 - lam_x) * x[perm], lam[:, None] * y + (1 - lam[:, None]) * y[perm], lam, perm
