# Right behaviour everywhere, but no input validation at all (restore of a missing checkpoint fails
# with a TypeError instead of a ValueError): loses only the four validation cells.
# expect-lose: monitor_validation_tests, torch_es_validation_tests, train_loop_validation_tests, fit_es_validation_tests
# %% monitor_solution
class EarlyStoppingMonitor:
    def __init__(self, patience, min_delta=0.0, mode="min"):
        self.patience, self.min_delta, self.mode = patience, min_delta, mode
        self.best_value = float("inf") if mode == "min" else float("-inf")
        self.best_epoch, self.counter, self.epoch = None, 0, -1

    def update(self, value):
        self.epoch += 1
        if self.mode == "min":
            better = value < self.best_value - self.min_delta
        else:
            better = value > self.best_value + self.min_delta
        if better:
            self.best_value, self.best_epoch, self.counter = value, self.epoch, 0
        else:
            self.counter += 1
        return self.counter >= self.patience


# %% torch_es_solution
class TorchEarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best_loss, self.best_epoch, self.counter, self.best_state = float("inf"), None, 0, None
        self.epoch = -1

    def step(self, val_loss, model):
        self.epoch += 1
        if float(val_loss) < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch, self.counter = float(val_loss), self.epoch, 0
            self.best_state = copy.deepcopy(model.state_dict())
        else:
            self.counter += 1
        return self.counter >= self.patience

    def restore(self, model):
        model.load_state_dict(self.best_state)


# %% train_loop_solution
def train_with_early_stopping(params, data, lr, batch_size, max_epochs, patience, rng):
    X, y = data["X_train"], data["y_train"]
    current = {k: v.copy() for k, v in params.items()}
    best, best_epoch, best_params, wait, trs, vals = np.inf, None, None, 0, [], []
    for epoch in range(max_epochs):
        order = rng.permutation(len(X))
        for s in range(0, len(X), batch_size):
            idx = order[s:s + batch_size]
            g = gradients(current, X[idx], y[idx])
            current = {k: current[k] - lr * g[k] for k in current}
        trs.append(evaluate(current, X, y)[0])
        vals.append(evaluate(current, data["X_val"], data["y_val"])[0])
        if vals[-1] < best:
            best, best_epoch, wait = vals[-1], epoch, 0
            best_params = {k: v.copy() for k, v in current.items()}
        else:
            wait += 1
            if wait >= patience:
                break
    test_loss, test_acc = evaluate(best_params, data["X_test"], data["y_test"])
    return {"params": best_params, "best_epoch": best_epoch, "last_epoch": epoch, "train_losses": trs,
            "val_losses": vals, "test_loss": test_loss, "test_acc": test_acc}

# %% fit_es_solution
def fit_with_early_stopping(model, loss_fn, train_batches, val_batches, lr, max_epochs, patience, min_delta=0.0):
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
            total, count = total + loss.item() * len(X), count + len(X)
        history["train_loss"].append(total / count)
        model.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for X, y in val_batches:
                total, count = total + loss_fn(model(X), y).item() * len(X), count + len(X)
        history["val_loss"].append(total / count)
        if history["val_loss"][-1] < best_loss - min_delta:
            best_loss, best_epoch, waited = history["val_loss"][-1], epoch, 0
            best_state = copy.deepcopy(model.state_dict())
        else:
            waited += 1
            if waited >= patience:
                break
    if best_state is not None:
        model.load_state_dict(best_state)
    return history, best_epoch, epoch
