# The trajectory is preallocated with torch.zeros in PyTorch's default dtype, float32: float64 runs lose
# their precision in the returned rows.
# expect-lose: gd_loop_tests
# %% gd_loop_solution
def gradient_descent(model, eta, tau):
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError(f"tau must be a non-negative integer, got {tau!r}")
    params = list(model.parameters())

    def snapshot():
        return torch.cat([p.detach().reshape(-1) for p in params]).to(torch.float64)

    rows = torch.zeros(tau + 1, sum(p.numel() for p in params))
    rows[0] = snapshot()
    for t in range(tau):
        for p in params:
            p.grad = None
        loss = model()
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= eta * p.grad
        rows[t + 1] = snapshot()
    return rows
