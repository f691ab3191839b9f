# The gradient is cleared after the update instead of before backward(): a .grad left over from before the
# call enters the first step.
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

    rows = [snapshot()]
    for _ in range(tau):
        loss = model()
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= eta * p.grad
                p.grad = None
        rows.append(snapshot())
    return torch.stack(rows)
