# ruff: noqa: E501
# The reference solutions with every `if ...: raise ValueError(...)` (and TypeError) removed: right behaviour, no input
# validation. Only the validation cells are lost; the main and statistics cells keep their points.
# expect-lose: mixup_validation_tests, cutmix_validation_tests, cutout_validation_tests, noise_injection_validation_tests,
#   torch_mixing_validation_tests, soft_cross_entropy_validation_tests, gaussian_noise_validation_tests
# %% mixup_solution
def mixup(x, y, alpha, rng, per_sample=False):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n = x.shape[0]
    perm = rng.permutation(n)
    if per_sample:
        lam = rng.beta(alpha, alpha, size=n)
        lam_x = lam.reshape((-1,) + (1,) * (x.ndim - 1))
        lam_y = lam[:, None]
    else:
        lam = float(rng.beta(alpha, alpha))
        lam_x = lam_y = lam
    x_mixed = lam_x * x + (1 - lam_x) * x[perm]
    y_mixed = lam_y * y + (1 - lam_y) * y[perm]
    return x_mixed, y_mixed, lam, perm


# %% cutmix_solution
def cutmix(x, y, alpha, rng):
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    n, _, h, w = x.shape
    perm = rng.permutation(n)
    lam0 = rng.beta(alpha, alpha)
    cut_h, cut_w = int(h * np.sqrt(1 - lam0)), int(w * np.sqrt(1 - lam0))
    cy, cx = rng.integers(0, h), rng.integers(0, w)
    top, bottom = int(np.clip(cy - cut_h // 2, 0, h)), int(np.clip(cy + cut_h // 2, 0, h))
    left, right = int(np.clip(cx - cut_w // 2, 0, w)), int(np.clip(cx + cut_w // 2, 0, w))
    x_mixed = x.copy()
    x_mixed[..., top:bottom, left:right] = x[perm, :, top:bottom, left:right]
    lam = 1.0 - (bottom - top) * (right - left) / (h * w)
    y_mixed = lam * y + (1.0 - lam) * y[perm]
    return x_mixed, y_mixed, float(lam), perm, (top, bottom, left, right)


# %% cutout_solution
def cutout(x, size, rng):
    x = np.asarray(x, dtype=float)
    n, _, h, w = x.shape
    mask = np.ones((n, h, w))
    for i in range(n):
        cy, cx = rng.integers(0, h), rng.integers(0, w)
        top, left = max(cy - size // 2, 0), max(cx - size // 2, 0)
        bottom, right = min(cy - size // 2 + size, h), min(cx - size // 2 + size, w)
        mask[i, top:bottom, left:right] = 0.0
    return x * mask[:, None], mask


# %% noise_injection_solution
def noise_penalty_mse(w, b, X, y, sigma):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return float(np.mean((X @ w + b - y) ** 2) + sigma**2 * w @ w)


def noisy_mse(w, b, X, y, sigma, draws, rng):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    total = 0.0
    for _ in range(draws):
        noisy = X + rng.normal(0.0, sigma, size=X.shape)
        total += np.mean((noisy @ w + b - y) ** 2)
    return float(total / draws)
# %% torch_mixing_solution
def mixup_batch(x, labels, num_classes, alpha, generator):
    n = x.shape[0]
    perm = torch.randperm(n, generator=generator)
    gammas = torch._standard_gamma(torch.full((2,), float(alpha), dtype=torch.float64), generator=generator)
    lam = float(gammas[0] / gammas.sum())
    one_hot = torch.zeros(n, num_classes, dtype=x.dtype)
    one_hot[torch.arange(n), labels] = 1.0
    return lam * x + (1 - lam) * x[perm], lam * one_hot + (1 - lam) * one_hot[perm], lam, perm


def cutmix_batch(x, labels, num_classes, alpha, generator):
    import math

    n, _, h, w = x.shape
    perm = torch.randperm(n, generator=generator)
    gammas = torch._standard_gamma(torch.full((2,), float(alpha), dtype=torch.float64), generator=generator)
    lam0 = float(gammas[0] / gammas.sum())
    cut_h, cut_w = int(h * math.sqrt(1 - lam0)), int(w * math.sqrt(1 - lam0))
    cy = int(torch.randint(0, h, (), generator=generator))
    cx = int(torch.randint(0, w, (), generator=generator))
    top, bottom = max(cy - cut_h // 2, 0), min(cy + cut_h // 2, h)
    left, right = max(cx - cut_w // 2, 0), min(cx + cut_w // 2, w)
    x_mixed = x.clone()
    x_mixed[:, :, top:bottom, left:right] = x[perm, :, top:bottom, left:right]
    lam = 1.0 - (bottom - top) * (right - left) / (h * w)
    one_hot = torch.zeros(n, num_classes, dtype=x.dtype)
    one_hot[torch.arange(n), labels] = 1.0
    return x_mixed, lam * one_hot + (1 - lam) * one_hot[perm], lam, perm, (top, bottom, left, right)
# %% soft_cross_entropy_solution
def soft_cross_entropy(logits, targets):
    shifted = logits - logits.max(dim=1, keepdim=True).values
    log_probs = shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))
    return -(targets * log_probs).sum(dim=1).mean()
# %% gaussian_noise_solution
class GaussianNoise(nn.Module):
    def __init__(self, sigma, generator):
        super().__init__()
        self.sigma = float(sigma)
        self.generator = generator

    def forward(self, x):
        if not self.training:
            return x
        return x + self.sigma * torch.randn(x.shape, generator=self.generator, dtype=x.dtype)
