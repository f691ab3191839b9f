# Central difference divided by h instead of 2h.
# expect-lose: gradient_check_tests
# %% gradient_check_solution
def gradient_check(f, x, h=1e-6):
    """Autograd gradient of the scalar function f at x against central differences, in float64.

    Returns (grad, numeric, rel_error): float64 tensors of x's shape (not requiring grad) and
    ||grad - numeric|| / (||grad|| + ||numeric||) as a Python float (0.0 if both norms are 0).
    x is not modified. Raises TypeError if x is not a floating-point tensor, ValueError if x has no
    entries, h <= 0, or f(x) is not 0-d.
    """
    if not isinstance(x, torch.Tensor) or not torch.is_floating_point(x):
        raise TypeError(f"x must be a floating-point torch.Tensor, got {type(x).__name__}")
    if x.numel() == 0:
        raise ValueError("x has no entries")
    if not h > 0:
        raise ValueError(f"h must be > 0, got {h}")
    point = x.detach().to(torch.float64).clone()
    leaf = point.clone().requires_grad_(True)
    value = f(leaf)
    if value.dim() != 0:
        raise ValueError(f"f must return a 0-d tensor, got shape {tuple(value.shape)}")
    value.backward()
    grad = leaf.grad.detach()
    numeric = torch.zeros_like(point)
    with torch.no_grad():
        for i in range(point.numel()):
            plus, minus = point.clone(), point.clone()
            plus.view(-1)[i] += h
            minus.view(-1)[i] -= h
            numeric.view(-1)[i] = (f(plus) - f(minus)) / h
    denominator = (grad.norm() + numeric.norm()).item()
    rel_error = 0.0 if denominator == 0 else (grad - numeric).norm().item() / denominator
    return grad, numeric, rel_error
