# The box returned as NumPy integers from rng.integers, not the Python ints the contract asks for.
# expect-lose: cutmix_tests
# %% cutmix_solution
def cutmix(x, y, alpha, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 4 or y.ndim != 2 or len(x) != len(y) or alpha <= 0:
        raise ValueError("bad input")
    n, _, h, w = x.shape
    perm = rng.permutation(n)
    lam0 = rng.beta(alpha, alpha)
    cut_h, cut_w = int(h * np.sqrt(1 - lam0)), int(w * np.sqrt(1 - lam0))
    cy, cx = rng.integers(0, h), rng.integers(0, w)
    top, bottom = np.clip(cy - cut_h // 2, 0, h), np.clip(cy + cut_h // 2, 0, h)
    left, right = np.clip(cx - cut_w // 2, 0, w), np.clip(cx + cut_w // 2, 0, w)
    out = x.copy()
    out[:, :, top:bottom, left:right] = x[perm][:, :, top:bottom, left:right]
    lam = float(1.0 - (bottom - top) * (right - left) / (h * w))
    return out, lam * y + (1 - lam) * y[perm], lam, perm, (top, bottom, left, right)
