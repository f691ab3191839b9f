# A second correct solution: inference_mode as a decorator on an inner function, batch sums kept as
# tensors, the mode restored module by module; EMA in closed form with a cumulative sum; diagnose by
# scanning the curve.
# expect: full
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    modes = {m: m.training for m in model.modules()}

    @torch.inference_mode()
    def run():
        sums, sizes = [], []
        for inputs, targets in batches:
            if len(inputs) != len(targets):
                raise ValueError("inputs and targets differ in batch size")
            sums.append(loss_fn(model(inputs), targets).double() * len(inputs))
            sizes.append(len(inputs))
        return sums, sizes

    model.eval()
    try:
        sums, sizes = run()
    finally:
        for module, mode in modes.items():
            module.training = mode
    if not sizes:
        raise ValueError("no batches")
    return float(torch.stack(sums).sum().item() / sum(sizes))


# %% ema_solution
def ema(values, beta):
    v = np.array(values, dtype=np.float64)
    if len(v.shape) != 1 or len(v) == 0:
        raise ValueError("values must be a non-empty 1-D sequence")
    if beta < 0 or beta >= 1:
        raise ValueError("beta must lie in [0, 1)")
    if beta == 0:
        return v.copy()
    t = np.arange(len(v))
    # s_t = beta^t v_0 + (1 - beta) sum_{i=1..t} beta^(t-i) v_i, written with a running sum
    scaled = np.concatenate([[0.0], v[1:] * beta ** (-t[1:].astype(float))]) if len(v) < 200 else None
    if scaled is None:
        out = [v[0]]
        for value in v[1:]:
            out.append(out[-1] + (1 - beta) * (value - out[-1]))
        return np.array(out)
    return beta**t * v[0] + (1 - beta) * beta**t * np.cumsum(scaled)


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    train = list(np.asarray(train_losses, dtype=float).ravel()) if np.ndim(train_losses) == 1 else None
    val = list(np.asarray(val_losses, dtype=float).ravel()) if np.ndim(val_losses) == 1 else None
    if train is None or val is None or not train or len(train) != len(val):
        raise ValueError("bad curves")
    if not high > 0 or patience < 1:
        raise ValueError("bad thresholds")
    if train[-1] > high:
        return "underfitting"
    best, since = val[0], 0
    for value in val[1:]:
        if value < best:
            best, since = value, 0
        else:
            since += 1
    return "overfitting" if since >= patience else "good fit"
