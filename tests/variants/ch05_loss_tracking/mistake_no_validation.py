# Right behaviour everywhere, but no input validation at all: loses only the three validation cells.
# expect-lose: evaluate_validation_tests, ema_validation_tests, diagnose_validation_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in batches:
            total += loss_fn(model(x), y).item() * x.shape[0]
            count += x.shape[0]
    model.train(was_training)
    return total / count


# %% ema_solution
def ema(values, beta):
    v = np.asarray(values, dtype=float)
    out = np.empty_like(v)
    out[0] = v[0]
    for t in range(1, len(v)):
        out[t] = beta * out[t - 1] + (1 - beta) * v[t]
    return out


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    if train_losses[-1] > high:
        return "underfitting"
    if len(val_losses) - 1 - int(np.argmin(val_losses)) >= patience:
        return "overfitting"
    return "good fit"
