# What a careful learner writes from the contracts alone: each numbered step as written, the documented
# errors in the documented order, inputs converted with np.array(..., dtype=np.float64), explicit loops;
# in torch the Gamma ratio and samplers the conventions name, one-hot and label checks as loops, the box
# clipped with np.clip as in Exercise 2, the log-softmax formula as written, the loop's steps in order.
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
# %% torch_mixing_solution
def mixup_batch(x, labels, num_classes, alpha, generator):
    if not torch.is_floating_point(x):
        raise TypeError("x is not a floating-point tensor")
    if alpha <= 0:
        raise ValueError("alpha must be > 0")
    N = x.shape[0]
    if labels.shape != (N,):
        raise ValueError("labels must have shape (N,)")
    for i in range(N):
        if labels[i] < 0 or labels[i] > num_classes - 1:
            raise ValueError("label outside 0, ..., K - 1")
    perm = torch.randperm(N, generator=generator)
    G = torch._standard_gamma(torch.full((2,), float(alpha), dtype=torch.float64), generator=generator)
    lam0 = G[0] / (G[0] + G[1])
    lam = float(lam0)
    Y = torch.zeros((N, num_classes), dtype=x.dtype)
    for i in range(N):
        Y[i, labels[i]] = 1
    x_mixed = lam * x + (1 - lam) * x[perm]
    y_mixed = lam * Y + (1 - lam) * Y[perm]
    return x_mixed, y_mixed, lam, perm


def cutmix_batch(x, labels, num_classes, alpha, generator):
    import math

    import numpy as np

    if not torch.is_floating_point(x):
        raise TypeError("x is not a floating-point tensor")
    if alpha <= 0:
        raise ValueError("alpha must be > 0")
    if x.ndim != 4:
        raise ValueError("x must be 4-D")
    N, C, H, W = x.shape
    if labels.shape != (N,):
        raise ValueError("labels must have shape (N,)")
    for i in range(N):
        if labels[i] < 0 or labels[i] > num_classes - 1:
            raise ValueError("label outside 0, ..., K - 1")
    perm = torch.randperm(N, generator=generator)
    G = torch._standard_gamma(torch.full((2,), float(alpha), dtype=torch.float64), generator=generator)
    lam0 = float(G[0] / (G[0] + G[1]))
    cut_h = int(H * math.sqrt(1 - lam0))
    cut_w = int(W * math.sqrt(1 - lam0))
    cy = torch.randint(0, H, (1,), generator=generator).item()
    cx = torch.randint(0, W, (1,), generator=generator).item()
    top = int(np.clip(cy - cut_h // 2, 0, H))
    bottom = int(np.clip(cy + cut_h // 2, 0, H))
    left = int(np.clip(cx - cut_w // 2, 0, W))
    right = int(np.clip(cx + cut_w // 2, 0, W))
    x_mixed = x.clone()
    x_mixed[:, :, top:bottom, left:right] = x[perm][:, :, top:bottom, left:right]
    lam = 1 - (bottom - top) * (right - left) / (H * W)
    Y = torch.zeros((N, num_classes), dtype=x.dtype)
    for i in range(N):
        Y[i, labels[i]] = 1
    y_mixed = lam * Y + (1 - lam) * Y[perm]
    return x_mixed, y_mixed, lam, perm, (top, bottom, left, right)
# %% soft_cross_entropy_solution
def soft_cross_entropy(logits, targets):
    if logits.ndim != 2:
        raise ValueError("logits must be 2-D")
    N, K = logits.shape
    if N == 0 or K == 0:
        raise ValueError("logits has no rows or no columns")
    if targets.shape != logits.shape:
        raise ValueError("targets must have the shape of logits")
    m = logits.max(dim=1, keepdim=True).values
    log_softmax = (logits - m) - torch.log(torch.sum(torch.exp(logits - m), dim=1, keepdim=True))
    L = -torch.sum(targets * log_softmax) / N
    return L
# %% gaussian_noise_solution
class GaussianNoise(nn.Module):
    def __init__(self, sigma, generator):
        super().__init__()
        if sigma < 0:
            raise ValueError("sigma must be >= 0")
        if not isinstance(generator, torch.Generator):
            raise TypeError("generator must be a torch.Generator")
        self.sigma = sigma
        self.generator = generator

    def forward(self, x):
        if self.training:
            eps = torch.randn(x.shape, generator=self.generator, dtype=x.dtype)
            return x + self.sigma * eps
        else:
            return x
# %% train_mixing_solution
def train_mixing(model, optimizer, x, labels, num_classes, mix, steps):
    model.train()
    losses = []
    for _ in range(steps):
        mixed = mix(x, labels, num_classes)
        x_mixed = mixed[0]
        y_mixed = mixed[1]
        optimizer.zero_grad()
        loss = soft_cross_entropy(model(x_mixed), y_mixed)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
