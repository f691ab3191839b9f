# Draws a new box centre for every image instead of one box for the whole batch.
# expect-lose: cutmix_batch_tests
# %% torch_mixing_solution
def mixup_batch(x, labels, num_classes, alpha, generator):
    """Mixup of a torch batch with one lam ~ Beta(alpha, alpha) and partners perm = randperm(N).

    Returns (x_mixed, y_mixed, lam, perm): x_mixed = lam * x + (1 - lam) * x[perm]; y_mixed the one-hot
    labels mixed with the same lam and perm, shape (N, num_classes), dtype of x; lam a Python float.
    """
    if not torch.is_floating_point(x):
        raise TypeError(f"x must be a floating-point tensor, got {x.dtype}")
    if alpha <= 0:
        raise ValueError(f"alpha must be > 0, got {alpha}")
    n = x.shape[0]
    if labels.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), got {tuple(labels.shape)}")
    if bool(((labels < 0) | (labels >= num_classes)).any()):
        raise ValueError(f"labels must lie in 0, ..., num_classes - 1, got {labels.tolist()}")
    perm = torch.randperm(n, generator=generator)
    gammas = torch._standard_gamma(torch.full((2,), float(alpha), dtype=torch.float64), generator=generator)
    lam = float(gammas[0] / gammas.sum())
    one_hot = torch.zeros(n, num_classes, dtype=x.dtype)
    one_hot[torch.arange(n), labels] = 1.0
    x_mixed = x * lam + x[perm] * (1 - lam)
    y_mixed = lam * one_hot + (1 - lam) * one_hot[perm]
    return x_mixed, y_mixed, lam, perm


def cutmix_batch(x, labels, num_classes, alpha, generator):
    """CutMix of a torch batch: one box for the whole batch, labels mixed with the area-corrected lam.

    Returns (x_mixed, y_mixed, lam, perm, box) with box = (top, bottom, left, right), Python ints.
    """
    import math

    if not torch.is_floating_point(x):
        raise TypeError(f"x must be a floating-point tensor, got {x.dtype}")
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W), got {tuple(x.shape)}")
    if alpha <= 0:
        raise ValueError(f"alpha must be > 0, got {alpha}")
    n, _, h, w = x.shape
    if labels.shape != (n,):
        raise ValueError(f"labels must have shape ({n},), got {tuple(labels.shape)}")
    if bool(((labels < 0) | (labels >= num_classes)).any()):
        raise ValueError(f"labels must lie in 0, ..., num_classes - 1, got {labels.tolist()}")
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
    for i in range(1, n):
        cy = int(torch.randint(0, h, (), generator=generator))
        cx = int(torch.randint(0, w, (), generator=generator))
        t, b = max(cy - cut_h // 2, 0), min(cy + cut_h // 2, h)
        lt, r = max(cx - cut_w // 2, 0), min(cx + cut_w // 2, w)
        x_mixed[i] = x[i]
        x_mixed[i, :, t:b, lt:r] = x[perm[i], :, t:b, lt:r]
    lam = 1.0 - (bottom - top) * (right - left) / (h * w)
    one_hot = torch.zeros(n, num_classes, dtype=x.dtype)
    one_hot[torch.arange(n), labels] = 1.0
    y_mixed = lam * one_hot + (1 - lam) * one_hot[perm]
    return x_mixed, y_mixed, lam, perm, (top, bottom, left, right)
