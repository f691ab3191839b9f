# The labels mixed with a second, independent permutation: example i gets the label of another partner.
# expect-lose: mixup_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if alpha <= 0 or y.ndim != 2 or len(x) != len(y):
        raise ValueError("bad input")
    perm = rng.permutation(len(x))
    lam = rng.beta(alpha, alpha, size=len(x)) if per_sample else float(rng.beta(alpha, alpha))
    lam_x = np.reshape(lam, (-1,) + (1,) * (x.ndim - 1)) if per_sample else lam
    lam_y = np.reshape(lam, (-1, 1)) if per_sample else lam
    other = rng.permutation(len(x))
    return lam_x * x + (1 - lam_x) * x[perm], lam_y * y + (1 - lam_y) * y[other], lam, perm
