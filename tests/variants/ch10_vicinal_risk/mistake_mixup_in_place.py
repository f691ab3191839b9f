# Mixes into the caller's arrays (x *= lam; x += ...): the input batch is overwritten.
# expect-lose: mixup_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    if alpha <= 0 or np.ndim(y) != 2 or len(x) != len(y):
        raise ValueError("bad input")
    x, y = np.asarray(x), np.asarray(y)
    perm = rng.permutation(len(x))
    lam = rng.beta(alpha, alpha, size=len(x)) if per_sample else float(rng.beta(alpha, alpha))
    lam_x = np.reshape(lam, (-1,) + (1,) * (x.ndim - 1)) if per_sample else lam
    lam_y = np.reshape(lam, (-1, 1)) if per_sample else lam
    partners_x, partners_y = x[perm].astype(float), y[perm].astype(float)
    if x.dtype == float:
        x *= lam_x
        x += (1 - lam_x) * partners_x
    else:
        x = lam_x * x + (1 - lam_x) * partners_x
    y = lam_y * y + (1 - lam_y) * partners_y
    return x, y, lam, perm
