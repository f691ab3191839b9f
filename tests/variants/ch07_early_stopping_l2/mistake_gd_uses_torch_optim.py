# The loop is right but uses the built-in optimizer (torch.optim.SGD), which this exercise forbids.
# Only the source check of the main cell catches it: the numbers are those of the reference.
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
    optimizer = torch.optim.SGD(params, lr=float(eta))
    for _ in range(tau):
        optimizer.zero_grad()
        loss = model()
        loss.backward()
        optimizer.step()
        rows.append(snapshot())
    return torch.stack(rows)
