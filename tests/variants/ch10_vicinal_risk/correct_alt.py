# A second correct solution, written differently from the reference: draws in another order, masks
# instead of slices, explicit loops, all noise draws at once.
# expect: full
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    xs = np.array(x, dtype=np.float64)
    ys = np.array(y, dtype=np.float64)
    if not alpha > 0 or len(ys.shape) != 2 or len(xs) != len(ys):
        raise ValueError("need alpha > 0 and matching x, one-hot y")
    count = len(xs)
    lam = rng.beta(alpha, alpha, size=count) if per_sample else rng.beta(alpha, alpha)
    order = rng.permutation(count)
    weights = np.broadcast_to(np.asarray(lam, dtype=np.float64), (count,))
    x_out = np.empty_like(xs)
    y_out = np.empty_like(ys)
    for i in range(count):
        x_out[i] = weights[i] * xs[i] + (1.0 - weights[i]) * xs[order[i]]
        y_out[i] = weights[i] * ys[i] + (1.0 - weights[i]) * ys[order[i]]
    return x_out, y_out, (lam if per_sample else float(lam)), order


# %% cutmix_solution
def cutmix(x, y, alpha, rng):
    xs, ys = np.array(x, dtype=np.float64), np.array(y, dtype=np.float64)
    if xs.ndim != 4 or ys.ndim != 2 or xs.shape[0] != ys.shape[0] or alpha <= 0:
        raise ValueError("bad input")
    _, _, height, width = xs.shape
    target = rng.beta(alpha, alpha)
    order = rng.permutation(xs.shape[0])
    side = np.sqrt(1.0 - target)
    half_h, half_w = int(height * side) // 2, int(width * side) // 2
    cy, cx = int(rng.integers(0, height)), int(rng.integers(0, width))
    top, bottom = max(cy - half_h, 0), min(cy + half_h, height)
    left, right = max(cx - half_w, 0), min(cx + half_w, width)
    keep = np.ones((height, width))
    keep[top:bottom, left:right] = 0.0
    mixed = keep * xs + (1.0 - keep) * xs[order]
    lam = float(keep.sum() / keep.size)
    return mixed, lam * ys + (1.0 - lam) * ys[order], lam, order, (top, bottom, left, right)


# %% cutout_solution
def cutout(x, size, rng):
    xs = np.array(x, dtype=np.float64)
    if xs.ndim != 4:
        raise ValueError("x must be 4-D")
    if type(size) is bool or not isinstance(size, (int, np.integer)) or size <= 0:
        raise ValueError("size must be a positive integer")
    count, _, height, width = xs.shape
    centres_y = np.array([rng.integers(0, height) for _ in range(count)])
    centres_x = np.array([rng.integers(0, width) for _ in range(count)])
    rows = np.arange(height)[None, :]
    cols = np.arange(width)[None, :]
    start_y, start_x = centres_y[:, None] - size // 2, centres_x[:, None] - size // 2
    in_rows = (rows >= start_y) & (rows < start_y + size)
    in_cols = (cols >= start_x) & (cols < start_x + size)
    mask = 1.0 - (in_rows[:, :, None] & in_cols[:, None, :])
    return xs * mask[:, None, :, :], mask


# %% noise_injection_solution
def noise_penalty_mse(w, b, X, y, sigma):
    w, X, y = np.array(w, float), np.array(X, float), np.array(y, float)
    if sigma < 0 or X.ndim != 2 or w.ndim != 1 or len(w) != X.shape[1] or y.ndim != 1 or len(y) != len(X):
        raise ValueError("bad input")
    residual = X.dot(w) + b - y
    return float(residual.dot(residual) / len(y) + (sigma * np.linalg.norm(w)) ** 2)


def noisy_mse(w, b, X, y, sigma, draws, rng):
    w, X, y = np.array(w, float), np.array(X, float), np.array(y, float)
    if sigma < 0 or draws < 1 or X.ndim != 2 or w.ndim != 1 or len(w) != X.shape[1] or y.shape != (len(X),):
        raise ValueError("bad input")
    noise = sigma * rng.standard_normal((draws,) + X.shape)
    predictions = (X[None] + noise) @ w + b
    return float(np.mean((predictions - y[None]) ** 2))
