# What a careful learner writes from the contract alone: the simplest reading of every rule (no
# try/finally: the mode after an error is not graded), exactly the documented errors.
# expect: full
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    total = 0.0
    count = 0
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("x and y have different batch sizes")
            loss = loss_fn(model(x), y)
            total += loss.item() * x.shape[0]
            count += x.shape[0]
    model.train(was_training)
    if count == 0:
        raise ValueError("no batches")
    return total / count


# %% ema_solution
def ema(values, beta):
    v = np.array(values, dtype=np.float64)
    if v.ndim != 1 or len(v) == 0:
        raise ValueError("values must be a non-empty 1-D sequence")
    if beta < 0 or beta >= 1:
        raise ValueError("beta must be in [0, 1)")
    s = np.zeros(len(v))
    s[0] = v[0]
    for t in range(1, len(v)):
        s[t] = beta * s[t - 1] + (1 - beta) * v[t]
    return s


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    train = np.array(train_losses, dtype=float)
    val = np.array(val_losses, dtype=float)
    if train.ndim != 1 or val.ndim != 1:
        raise ValueError("curves must be 1-D")
    if len(train) == 0 or len(val) == 0 or len(train) != len(val):
        raise ValueError("curves must be non-empty and of the same length")
    if high <= 0:
        raise ValueError("high must be positive")
    if patience < 1:
        raise ValueError("patience must be at least 1")
    if train[-1] > high:
        return "underfitting"
    b = np.argmin(val)
    if len(val) - 1 - b >= patience:
        return "overfitting"
    return "good fit"
