# The centre drawn so that the box always fits (never clipped): a different distribution of boxes and lam.
# expect-lose: cutmix_statistics_tests
# %% cutmix_solution
def cutmix(x, y, alpha, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.ndim != 4 or y.ndim != 2 or len(x) != len(y) or alpha <= 0:
        raise ValueError("bad input")
    n, _, h, w = x.shape
    perm = rng.permutation(n)
    lam0 = rng.beta(alpha, alpha)
    cut_h, cut_w = int(h * np.sqrt(1 - lam0)), int(w * np.sqrt(1 - lam0))
    cy = int(rng.integers(cut_h // 2, h - cut_h // 2)) if cut_h // 2 < h - cut_h // 2 else h // 2
    cx = int(rng.integers(cut_w // 2, w - cut_w // 2)) if cut_w // 2 < w - cut_w // 2 else w // 2
    top, bottom = int(np.clip(cy - cut_h // 2, 0, h)), int(np.clip(cy + cut_h // 2, 0, h))
    left, right = int(np.clip(cx - cut_w // 2, 0, w)), int(np.clip(cx + cut_w // 2, 0, w))
    out = x.copy()
    out[:, :, top:bottom, left:right] = x[perm][:, :, top:bottom, left:right]
    lam = 1.0 - (bottom - top) * (right - left) / (h * w)
    return out, lam * y + (1 - lam) * y[perm], lam, perm, (top, bottom, left, right)
