# The checkpoint is model.state_dict() itself: its tensors are the live parameters, so it follows training and
# the 'restore' loads the last weights.
# expect-lose: fit_es_checkpoint_tests
# %% fit_es_solution
def fit_with_early_stopping(model, loss_fn, train_batches, val_batches, lr, max_epochs, patience, min_delta=0.0):
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr}")
    for name, value in [("max_epochs", max_epochs), ("patience", patience)]:
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer, got {value!r}")
    if not min_delta >= 0:
        raise ValueError(f"min_delta must be >= 0, got {min_delta}")
    if len(train_batches) == 0 or len(val_batches) == 0:
        raise ValueError("train_batches and val_batches must not be empty")
    history = {"train_loss": [], "val_loss": []}
    best_loss, best_epoch, best_state, waited = float("inf"), None, None, 0
    for epoch in range(max_epochs):
        model.train()
        total, count = 0.0, 0
        for X, y in train_batches:
            model.zero_grad()
            loss = loss_fn(model(X), y)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    if p.grad is not None:
                        p -= lr * p.grad
            total += loss.item() * len(X)
            count += len(X)
        history["train_loss"].append(total / count)
        model.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for X, y in val_batches:
                total += loss_fn(model(X), y).item() * len(X)
                count += len(X)
        val_loss = total / count
        history["val_loss"].append(val_loss)
        if val_loss < best_loss - min_delta:
            best_loss, best_epoch, waited = val_loss, epoch, 0
            best_state = model.state_dict()
        else:
            waited += 1
            if waited >= patience:
                break
    if best_state is not None:
        model.load_state_dict(best_state)
    return history, best_epoch, epoch
