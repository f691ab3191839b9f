# A second correct solution, written differently from the reference: draws in another order, masks
# instead of slices, explicit loops, all noise draws at once; in torch Beta from torch._sample_dirichlet,
# torch.lerp, one_hot/scatter_, a torch.where box mask, the centre drawn first, a detached row maximum and
# log-normaliser form, Tensor.normal_ noise, eval returning a clone, zero_grad(set_to_none=True) before mix.
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
# %% torch_mixing_solution
def mixup_batch(x, labels, num_classes, alpha, generator):
    if not torch.is_tensor(x) or not x.dtype.is_floating_point:
        raise TypeError("x must hold floats")
    if not alpha > 0:
        raise ValueError("alpha must be positive")
    count = len(x)
    if tuple(labels.shape) != (count,) or (labels.numel() and (labels.min() < 0 or labels.max() >= num_classes)):
        raise ValueError("labels must be class indices of shape (N,)")
    lam = torch._sample_dirichlet(torch.tensor([alpha, alpha], dtype=torch.float64), generator=generator)[0].item()
    perm = torch.randperm(count, generator=generator)
    soft = torch.nn.functional.one_hot(labels, num_classes).to(x.dtype)
    mixed = torch.lerp(x[perm], x, lam)
    return mixed, torch.lerp(soft[perm], soft, lam), lam, perm


def cutmix_batch(x, labels, num_classes, alpha, generator):
    if not torch.is_tensor(x) or not x.dtype.is_floating_point:
        raise TypeError("x must hold floats")
    if x.dim() != 4:
        raise ValueError("x must be (N, C, H, W)")
    if not alpha > 0:
        raise ValueError("alpha must be positive")
    count, _, height, width = x.shape
    if tuple(labels.shape) != (count,) or (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError("labels must be class indices of shape (N,)")
    cy, cx = (int(v) for v in torch.randint(0, 10**9, (2,), generator=generator) % torch.tensor([height, width]))
    g1 = torch._standard_gamma(torch.tensor([float(alpha)], dtype=torch.float64), generator=generator)
    g2 = torch._standard_gamma(torch.tensor([float(alpha)], dtype=torch.float64), generator=generator)
    lam0 = (g1 / (g1 + g2)).item()
    perm = torch.randperm(count, generator=generator)
    ratio = (1.0 - lam0) ** 0.5
    half_h, half_w = int(height * ratio) // 2, int(width * ratio) // 2
    top, bottom = min(max(cy - half_h, 0), height), min(max(cy + half_h, 0), height)
    left, right = min(max(cx - half_w, 0), width), min(max(cx + half_w, 0), width)
    rows = (torch.arange(height) >= top) & (torch.arange(height) < bottom)
    cols = (torch.arange(width) >= left) & (torch.arange(width) < right)
    inside = rows[:, None] & cols[None, :]
    mixed = torch.where(inside, x.index_select(0, perm), x)
    lam = 1.0 - float(inside.sum()) / (height * width)
    soft = torch.zeros(count, num_classes, dtype=x.dtype).scatter_(1, labels[:, None], 1.0)
    return mixed, lam * soft + (1.0 - lam) * soft.index_select(0, perm), lam, perm, (top, bottom, left, right)
# %% soft_cross_entropy_solution
def soft_cross_entropy(logits, targets):
    if logits.dim() != 2 or 0 in logits.shape:
        raise ValueError("logits must be (N, K) with N, K >= 1")
    if targets.shape != logits.shape:
        raise ValueError("targets must have the shape of logits")
    top = logits.amax(dim=1, keepdim=True).detach()
    log_norm = top + (logits - top).exp().sum(dim=1, keepdim=True).log()
    per_example = (targets * (log_norm - logits)).sum(dim=1)
    return per_example.sum() / logits.shape[0]
# %% gaussian_noise_solution
class GaussianNoise(nn.Module):
    def __init__(self, sigma, generator):
        super().__init__()
        if sigma < 0:
            raise ValueError("sigma must be >= 0")
        if type(generator) is not torch.Generator:
            raise TypeError("generator must be a torch.Generator")
        self.sigma, self.generator = sigma, generator

    def forward(self, x):
        if self.training:
            noise = torch.empty_like(x).normal_(0.0, 1.0, generator=self.generator)
            return torch.add(x, noise, alpha=self.sigma)
        return x.clone()
# %% train_mixing_solution
def train_mixing(model, optimizer, x, labels, num_classes, mix, steps):
    model.train(True)
    history = []
    step = 0
    while step < steps:
        optimizer.zero_grad(set_to_none=True)
        batch = mix(x, labels, num_classes)
        logits = model(batch[0])
        loss = soft_cross_entropy(logits, batch[1])
        loss.backward()
        history.append(float(loss.detach()))
        optimizer.step()
        step += 1
    return history
