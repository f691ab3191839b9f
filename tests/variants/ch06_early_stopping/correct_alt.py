# A second correct solution, written differently: a sign trick for the two modes, a state machine that
# stores the epoch count, clones via a dict comprehension, in-place NumPy updates on private copies;
# the torch loop reuses TorchEarlyStopping, p.add_(grad, alpha=-lr), float64 tensor sums, inference_mode.
# expect: full
# %% monitor_solution
class EarlyStoppingMonitor:
    def __init__(self, patience, min_delta=0.0, mode="min"):
        if type(patience) is bool or int(patience) != patience or patience <= 0:
            raise ValueError("patience must be a positive integer")
        if not min_delta >= 0:
            raise ValueError("min_delta must be non-negative")
        if mode != "min" and mode != "max":
            raise ValueError("unknown mode")
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        self._sign = 1.0 if mode == "min" else -1.0
        self.best_value = self._sign * np.inf
        self.best_epoch = None
        self.counter = 0
        self.epochs_seen = 0

    def update(self, value):
        epoch = self.epochs_seen
        self.epochs_seen = epoch + 1
        margin = self._sign * (self.best_value - value)
        if margin > self.min_delta:
            self.best_value, self.best_epoch, self.counter = value, epoch, 0
            return False
        self.counter = self.counter + 1
        return bool(self.counter >= self.patience)


# %% torch_es_solution
class TorchEarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if type(patience) is bool or int(patience) != patience or patience <= 0:
            raise ValueError("patience must be a positive integer")
        if min_delta < 0:
            raise ValueError("min_delta must be non-negative")
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.best_epoch = None
        self.counter = 0
        self.best_state = None
        self.history = []

    def step(self, val_loss, model):
        loss = val_loss.item() if torch.is_tensor(val_loss) else float(val_loss)
        self.history.append(loss)
        if self.best_loss - loss > self.min_delta:
            self.best_loss = loss
            self.best_epoch = len(self.history) - 1
            self.counter = 0
            self.best_state = {name: t.detach().clone() for name, t in model.state_dict().items()}
        else:
            self.counter += 1
        return self.counter >= self.patience

    def restore(self, model):
        if not self.best_state:
            raise ValueError("nothing to restore")
        with torch.no_grad():
            for name, tensor in model.state_dict().items():
                tensor.copy_(self.best_state[name])


# %% train_loop_solution
def train_with_early_stopping(params, data, lr, batch_size, max_epochs, patience, rng):
    if not lr > 0:
        raise ValueError("lr must be positive")
    for value in (batch_size, max_epochs, patience):
        if type(value) is bool or int(value) != value or value < 1:
            raise ValueError("batch_size, max_epochs and patience must be positive integers")
    work = copy.deepcopy(params)
    n = data["X_train"].shape[0]
    history = {"train": [], "val": []}
    best = {"loss": np.inf, "epoch": None, "weights": None}
    epoch, bad_epochs = -1, 0
    while epoch + 1 < max_epochs and bad_epochs < patience:
        epoch += 1
        order = rng.permutation(n)
        n_batches = -(-n // batch_size)
        for b in range(n_batches):
            rows = order[b * batch_size:(b + 1) * batch_size]
            grad = gradients(work, data["X_train"][rows], data["y_train"][rows])
            for name in work:
                work[name] -= lr * grad[name]
        history["train"].append(evaluate(work, data["X_train"], data["y_train"])[0])
        history["val"].append(evaluate(work, data["X_val"], data["y_val"])[0])
        if history["val"][-1] < best["loss"]:
            best = {"loss": history["val"][-1], "epoch": epoch, "weights": copy.deepcopy(work)}
            bad_epochs = 0
        else:
            bad_epochs += 1
    test_loss, test_acc = evaluate(best["weights"], data["X_test"], data["y_test"])
    return {"params": best["weights"], "best_epoch": best["epoch"], "last_epoch": epoch,
            "train_losses": history["train"], "val_losses": history["val"],
            "test_loss": float(test_loss), "test_acc": float(test_acc)}

# %% fit_es_solution
def fit_with_early_stopping(model, loss_fn, train_batches, val_batches, lr, max_epochs, patience, min_delta=0.0):
    if lr <= 0 or min_delta < 0:
        raise ValueError("lr must be > 0 and min_delta >= 0")
    if any(type(v) is bool or int(v) != v or v < 1 for v in (max_epochs, patience)):
        raise ValueError("max_epochs and patience must be integers >= 1")
    if not train_batches or not val_batches:
        raise ValueError("empty batches")
    stopper = TorchEarlyStopping(patience, min_delta=min_delta)  # Exercise 2 keeps the best state_dict
    history = {"train_loss": [], "val_loss": []}
    n_train = sum(X.shape[0] for X, _ in train_batches)
    n_val = sum(X.shape[0] for X, _ in val_batches)
    params = [p for p in model.parameters()]
    epoch = -1
    while epoch + 1 < max_epochs:
        epoch += 1
        model.train(True)
        running = torch.zeros((), dtype=torch.float64)
        for X, y in train_batches:
            for p in params:
                p.grad = None
            loss = loss_fn(model(X), y)
            loss.backward()
            with torch.no_grad():
                for p in params:
                    if p.grad is not None:
                        p.add_(p.grad, alpha=-lr)
            running += loss.detach().double() * X.shape[0]
        history["train_loss"].append((running / n_train).item())
        model.train(False)
        with torch.inference_mode():
            val_sum = torch.stack([loss_fn(model(X), y).double() * X.shape[0] for X, y in val_batches]).sum()
        history["val_loss"].append((val_sum / n_val).item())
        if stopper.step(history["val_loss"][-1], model):
            break
    if stopper.best_state is not None:
        stopper.restore(model)
    return history, stopper.best_epoch, epoch
