# What a careful learner writes from the contracts alone: each numbered step as written, the documented
# errors in the documented order, inputs converted with np.array(..., dtype=np.float64), explicit loops.
# expect: full
# %% mixup_solution
import math


def mixup(x, y, alpha, rng, per_sample=False):
    x = np.array(x, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    if alpha <= 0:
        raise ValueError("alpha must be > 0")
    if y.ndim != 2:
        raise ValueError("y must be 2-D")
    if x.shape[0] != y.shape[0]:
        raise ValueError("x and y must hold the same number of examples")
    N = x.shape[0]
    perm = rng.permutation(N)
    if per_sample:
        lam = rng.beta(alpha, alpha, size=N)
    else:
        lam = float(rng.beta(alpha, alpha))
    x_mixed = np.zeros_like(x)
    y_mixed = np.zeros_like(y)
    for i in range(N):
        lam_i = lam[i] if per_sample else lam
        x_mixed[i] = lam_i * x[i] + (1 - lam_i) * x[perm[i]]
        y_mixed[i] = lam_i * y[i] + (1 - lam_i) * y[perm[i]]
    return x_mixed, y_mixed, lam, perm


# %% cutmix_solution
def cutmix(x, y, alpha, rng):
    x = np.array(x, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError("x must be 4-D")
    if y.ndim != 2:
        raise ValueError("y must be 2-D")
    if x.shape[0] != y.shape[0]:
        raise ValueError("x and y must hold the same number of examples")
    if alpha <= 0:
        raise ValueError("alpha must be > 0")
    N, C, H, W = x.shape
    perm = rng.permutation(N)
    lam0 = rng.beta(alpha, alpha)
    cut_h = int(H * math.sqrt(1 - lam0))
    cut_w = int(W * math.sqrt(1 - lam0))
    cy = rng.integers(0, H)
    cx = rng.integers(0, W)
    top = int(np.clip(cy - cut_h // 2, 0, H))
    bottom = int(np.clip(cy + cut_h // 2, 0, H))
    left = int(np.clip(cx - cut_w // 2, 0, W))
    right = int(np.clip(cx + cut_w // 2, 0, W))
    x_mixed = x.copy()
    x_mixed[:, :, top:bottom, left:right] = x[perm][:, :, top:bottom, left:right]
    lam = 1 - (bottom - top) * (right - left) / (H * W)
    y_mixed = lam * y + (1 - lam) * y[perm]
    return x_mixed, y_mixed, float(lam), perm, (top, bottom, left, right)


# %% cutout_solution
def cutout(x, size, rng):
    x = np.array(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError("x must be 4-D")
    if not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("size must be a positive integer")
    N, C, H, W = x.shape
    mask = np.ones((N, H, W), dtype=np.float64)
    for i in range(N):
        cy = rng.integers(0, H)
        cx = rng.integers(0, W)
        top = max(cy - size // 2, 0)
        bottom = min(cy - size // 2 + size, H)
        left = max(cx - size // 2, 0)
        right = min(cx - size // 2 + size, W)
        mask[i, top:bottom, left:right] = 0
    x_out = x * mask[:, None]
    return x_out, mask


# %% noise_injection_solution
def _check_shapes(w, X, y):
    if X.ndim != 2:
        raise ValueError("X must be 2-D")
    n, d = X.shape
    if w.shape != (d,):
        raise ValueError("w must have shape (d,)")
    if y.shape != (n,):
        raise ValueError("y must have shape (n,)")


def noise_penalty_mse(w, b, X, y, sigma):
    w = np.array(w, dtype=np.float64)
    X = np.array(X, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    if sigma < 0:
        raise ValueError("sigma must be >= 0")
    _check_shapes(w, X, y)
    mse = np.mean((X @ w + b - y) ** 2)
    return float(mse + sigma**2 * np.sum(w**2))


def noisy_mse(w, b, X, y, sigma, draws, rng):
    w = np.array(w, dtype=np.float64)
    X = np.array(X, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    if sigma < 0:
        raise ValueError("sigma must be >= 0")
    _check_shapes(w, X, y)
    if draws < 1:
        raise ValueError("draws must be >= 1")
    results = []
    for _ in range(draws):
        X_noisy = X + rng.normal(0, sigma, size=X.shape)
        results.append(np.mean((X_noisy @ w + b - y) ** 2))
    return float(np.mean(results))
