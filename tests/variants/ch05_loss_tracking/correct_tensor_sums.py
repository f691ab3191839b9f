# A third correct solution: batch losses summed as float32 tensors with len() as the weight,
# set_grad_enabled as the context, the mode restored only if it was training; EMA through SciPy's
# linear filter (as in the chapter); diagnose in plain Python.
# expect: full
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    restore = model.training
    model.train(False)
    total, seen = torch.zeros(()), 0
    with torch.set_grad_enabled(False):
        for batch in batches:
            inputs, targets = batch
            if len(inputs) != len(targets):
                model.train(restore)
                raise ValueError("mismatched batch")
            total = total + loss_fn(model(inputs), targets) * len(targets)
            seen += len(targets)
    if restore:
        model.train()
    if seen == 0:
        raise ValueError("empty")
    return (total / seen).item()


# %% ema_solution
def ema(values, beta):
    from scipy.signal import lfilter

    if np.ndim(values) != 1 or np.size(values) == 0:
        raise ValueError("values must be a non-empty 1-D sequence")
    if not (0 <= beta < 1):
        raise ValueError("beta must be in [0, 1)")
    v = np.asarray(values, dtype=np.float64)
    return lfilter([1 - beta], [1, -beta], v, zi=[beta * v[0]])[0]


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    if np.ndim(train_losses) != 1 or np.ndim(val_losses) != 1:
        raise ValueError("1-D curves only")
    train, val = [float(a) for a in train_losses], [float(a) for a in val_losses]
    if not train or len(train) != len(val) or high <= 0 or patience < 1:
        raise ValueError("bad input")
    if train[-1] > high:
        return "underfitting"
    first_best = val.index(min(val))
    return "overfitting" if len(val) - 1 - first_best >= patience else "good fit"
