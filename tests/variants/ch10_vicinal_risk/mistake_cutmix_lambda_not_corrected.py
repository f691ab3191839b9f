# Labels mixed with the drawn lam0, not recomputed from the box after clipping at the border.
# expect-lose: cutmix_tests, cutmix_statistics_tests
# %% cutmix_solution
def cutmix(x, y, alpha, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 4 or y.ndim != 2 or len(x) != len(y) or alpha <= 0:
        raise ValueError("bad input")
    n, _, h, w = x.shape
    perm = rng.permutation(n)
    lam = float(rng.beta(alpha, alpha))
    cut_h, cut_w = int(h * np.sqrt(1 - lam)), int(w * np.sqrt(1 - lam))
    cy, cx = rng.integers(0, h), rng.integers(0, w)
    top, bottom = int(np.clip(cy - cut_h // 2, 0, h)), int(np.clip(cy + cut_h // 2, 0, h))
    left, right = int(np.clip(cx - cut_w // 2, 0, w)), int(np.clip(cx + cut_w // 2, 0, w))
    out = x.copy()
    out[:, :, top:bottom, left:right] = x[perm][:, :, top:bottom, left:right]
    return out, lam * y + (1 - lam) * y[perm], lam, perm, (top, bottom, left, right)
