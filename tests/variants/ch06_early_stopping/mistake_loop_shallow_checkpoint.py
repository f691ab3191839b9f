# In-place updates with a checkpoint that copies only the dict (dict(params)): the saved arrays are the
# live ones, so the "best" weights are the last ones (and the caller's params are overwritten too).
# expect-lose: train_loop_tests
# %% train_loop_solution
def train_with_early_stopping(params, data, lr, batch_size, max_epochs, patience, rng):
    if lr <= 0:
        raise ValueError("lr must be positive")
    for value in (batch_size, max_epochs, patience):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError("need positive integers")
    X, y = data["X_train"], data["y_train"]
    best, best_epoch, best_params, wait, trs, vals = np.inf, None, None, 0, [], []
    for epoch in range(max_epochs):
        order = rng.permutation(len(X))
        for s in range(0, len(X), batch_size):
            idx = order[s:s + batch_size]
            g = gradients(params, X[idx], y[idx])
            for k in params:
                params[k] -= lr * g[k]
        trs.append(evaluate(params, X, y)[0])
        vals.append(evaluate(params, data["X_val"], data["y_val"])[0])
        if vals[-1] < best:
            best, best_epoch, wait = vals[-1], epoch, 0
            best_params = dict(params)
        else:
            wait += 1
            if wait >= patience:
                break
    test_loss, test_acc = evaluate(best_params, data["X_test"], data["y_test"])
    return {"params": best_params, "best_epoch": best_epoch, "last_epoch": epoch, "train_losses": trs,
            "val_losses": vals, "test_loss": test_loss, "test_acc": test_acc}
