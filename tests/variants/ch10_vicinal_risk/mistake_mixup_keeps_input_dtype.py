# The mixed batch cast back to the input dtype: uint8 images are truncated to integers.
# expect-lose: mixup_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x, y = np.asarray(x), np.asarray(y, dtype=float)
    if alpha <= 0 or y.ndim != 2 or len(x) != len(y):
        raise ValueError("bad input")
    perm = rng.permutation(len(x))
    lam = rng.beta(alpha, alpha, size=len(x)) if per_sample else float(rng.beta(alpha, alpha))
    lam_x = np.reshape(lam, (-1,) + (1,) * (x.ndim - 1)) if per_sample else lam
    lam_y = np.reshape(lam, (-1, 1)) if per_sample else lam
    x_mixed = (lam_x * x + (1 - lam_x) * x[perm]).astype(x.dtype)
    return x_mixed, lam_y * y + (1 - lam_y) * y[perm], lam, perm
