# The trajectory keeps the parameter tensors themselves (detach() shares memory) and flattens them at the
# end: every row shows the final values, like an aliased state_dict checkpoint.
# expect-lose: gd_loop_tests
# %% gd_loop_solution
def gradient_descent(model, eta, tau):
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError(f"tau must be a non-negative integer, got {tau!r}")
    params = list(model.parameters())

    def snapshot():
        return [p.detach() for p in params]

    rows = [snapshot()]
    for _ in range(tau):
        for p in params:
            p.grad = None
        loss = model()
        loss.backward()
        with torch.no_grad():
            for p in params:
                p -= eta * p.grad
        rows.append(snapshot())
    return torch.stack([torch.cat([q.reshape(-1) for q in row]).to(torch.float64) for row in rows])
