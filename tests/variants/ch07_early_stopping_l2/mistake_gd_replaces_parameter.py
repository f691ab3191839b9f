# Each step assigns a new nn.Parameter to the model instead of updating the old one in place: the numbers
# are right, but anything holding the old parameters (an optimizer, a caller) no longer sees the training.
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
        for p in params:
            p.grad = None
        loss = model()
        loss.backward()
        for name, p in list(model.named_parameters()):
            owner = model.get_submodule(name.rpartition('.')[0])
            setattr(owner, name.rpartition('.')[2], nn.Parameter(p.detach() - eta * p.grad))
        params = list(model.parameters())
        rows.append(snapshot())
    return torch.stack(rows)
