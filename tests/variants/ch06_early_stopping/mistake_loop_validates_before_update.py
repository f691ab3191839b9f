# Computes the epoch's losses before its updates: every recorded loss belongs to the previous epoch's
# weights.
# expect-lose: train_loop_tests
# %% train_loop_solution
def train_with_early_stopping(params, data, lr, batch_size, max_epochs, patience, rng):
    """Mini-batch SGD on the training split with early stopping on the validation loss.

    Returns {"params", "best_epoch", "last_epoch", "train_losses", "val_losses", "test_loss",
    "test_acc"}; the input params are not modified.
    """
    if lr <= 0:
        raise ValueError(f"lr must be positive, got {lr}")
    for name, value in [("batch_size", batch_size), ("max_epochs", max_epochs), ("patience", patience)]:
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    X_tr, y_tr = data["X_train"], data["y_train"]
    current = {k: np.array(v, dtype=float) for k, v in params.items()}
    best_loss, best_epoch, best_params, waited = np.inf, None, None, 0
    train_losses, val_losses = [], []
    for epoch in range(max_epochs):
        train_losses.append(evaluate(current, X_tr, y_tr)[0])
        val_loss = evaluate(current, data["X_val"], data["y_val"])[0]
        val_losses.append(val_loss)
        order = rng.permutation(len(X_tr))
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            grads = gradients(current, X_tr[batch], y_tr[batch])
            current = {k: current[k] - lr * grads[k] for k in current}
        if val_loss < best_loss:
            best_loss, best_epoch, waited = val_loss, epoch, 0
            best_params = {k: v.copy() for k, v in current.items()}
        else:
            waited += 1
            if waited >= patience:
                break
    test_loss, test_acc = evaluate(best_params, data["X_test"], data["y_test"])
    return {"params": best_params, "best_epoch": best_epoch, "last_epoch": epoch,
            "train_losses": train_losses, "val_losses": val_losses,
            "test_loss": test_loss, "test_acc": test_acc}
