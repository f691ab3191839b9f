# What a careful learner writes from the contract alone: isinstance checks for int and NumPy integers,
# the comparisons exactly as written, copy.deepcopy of the state_dict, a plain loop with private copies.
# expect: full
# %% monitor_solution
class EarlyStoppingMonitor:
    def __init__(self, patience, min_delta=0.0, mode="min"):
        if not isinstance(patience, (int, np.integer)) or patience < 1:
            raise ValueError("patience must be an integer >= 1")
        if min_delta < 0:
            raise ValueError("min_delta must be >= 0")
        if mode != "min" and mode != "max":
            raise ValueError("mode must be 'min' or 'max'")
        self.patience = patience
        self.min_delta = min_delta
        self.mode = mode
        if mode == "min":
            self.best_value = float("inf")
        else:
            self.best_value = float("-inf")
        self.best_epoch = None
        self.counter = 0
        self.epoch = -1

    def update(self, value):
        self.epoch += 1
        if self.mode == "min":
            improvement = value < self.best_value - self.min_delta
        else:
            improvement = value > self.best_value + self.min_delta
        if improvement:
            self.best_value = value
            self.best_epoch = self.epoch
            self.counter = 0
        else:
            self.counter += 1
        return bool(self.counter >= self.patience)


# %% torch_es_solution
class TorchEarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if not isinstance(patience, (int, np.integer)) or patience < 1:
            raise ValueError("patience must be an integer >= 1")
        if min_delta < 0:
            raise ValueError("min_delta must be >= 0")
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.best_epoch = None
        self.counter = 0
        self.best_state = None
        self.epoch = -1

    def step(self, val_loss, model):
        self.epoch += 1
        val_loss = float(val_loss)
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.best_epoch = self.epoch
            self.counter = 0
            self.best_state = copy.deepcopy(model.state_dict())
        else:
            self.counter += 1
        return self.counter >= self.patience

    def restore(self, model):
        if self.best_state is None:
            raise ValueError("no checkpoint yet")
        model.load_state_dict(self.best_state)


# %% train_loop_solution
def train_with_early_stopping(params, data, lr, batch_size, max_epochs, patience, rng):
    if lr <= 0:
        raise ValueError("lr must be positive")
    for value in [batch_size, max_epochs, patience]:
        if not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError("batch_size, max_epochs and patience must be integers >= 1")
    X_train, y_train = data["X_train"], data["y_train"]
    n_train = len(X_train)
    current = {k: v.copy() for k, v in params.items()}
    best_val = float("inf")
    best_epoch = None
    best_params = None
    bad_epochs = 0
    train_losses = []
    val_losses = []
    for epoch in range(max_epochs):
        order = rng.permutation(n_train)
        for i in range(0, n_train, batch_size):
            batch = order[i:i + batch_size]
            grads = gradients(current, X_train[batch], y_train[batch])
            for k in current:
                current[k] = current[k] - lr * grads[k]
        train_loss = evaluate(current, X_train, y_train)[0]
        val_loss = evaluate(current, data["X_val"], data["y_val"])[0]
        train_losses.append(train_loss)
        val_losses.append(val_loss)
        if val_loss < best_val:
            best_val = val_loss
            best_epoch = epoch
            best_params = {k: v.copy() for k, v in current.items()}
            bad_epochs = 0
        else:
            bad_epochs += 1
        if bad_epochs >= patience:
            break
    test_loss, test_acc = evaluate(best_params, data["X_test"], data["y_test"])
    return {"params": best_params, "best_epoch": best_epoch, "last_epoch": epoch,
            "train_losses": train_losses, "val_losses": val_losses,
            "test_loss": test_loss, "test_acc": test_acc}

# %% fit_es_solution
def fit_with_early_stopping(model, loss_fn, train_batches, val_batches, lr, max_epochs, patience, min_delta=0.0):
    if lr <= 0:
        raise ValueError("lr must be > 0")
    if not isinstance(max_epochs, (int, np.integer)) or max_epochs < 1:
        raise ValueError("max_epochs must be an integer >= 1")
    if not isinstance(patience, (int, np.integer)) or patience < 1:
        raise ValueError("patience must be an integer >= 1")
    if min_delta < 0:
        raise ValueError("min_delta must be >= 0")
    if len(train_batches) == 0 or len(val_batches) == 0:
        raise ValueError("train_batches and val_batches must not be empty")
    train_losses = []
    val_losses = []
    best_loss = float("inf")
    best_epoch = None
    best_state = None
    counter = 0
    stop_epoch = 0
    for epoch in range(max_epochs):
        stop_epoch = epoch
        model.train()
        train_sum = 0.0
        train_count = 0
        for X, y in train_batches:
            model.zero_grad()
            loss = loss_fn(model(X), y)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    if p.grad is not None:
                        p -= lr * p.grad
            train_sum += loss.item() * len(X)
            train_count += len(X)
        train_losses.append(train_sum / train_count)
        model.eval()
        val_sum = 0.0
        val_count = 0
        with torch.no_grad():
            for X, y in val_batches:
                val_sum += loss_fn(model(X), y).item() * len(X)
                val_count += len(X)
        val_loss = val_sum / val_count
        val_losses.append(val_loss)
        if val_loss < best_loss - min_delta:
            best_loss = val_loss
            best_epoch = epoch
            best_state = copy.deepcopy(model.state_dict())
            counter = 0
        else:
            counter += 1
        if counter >= patience:
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    return {"train_loss": train_losses, "val_loss": val_losses}, best_epoch, stop_epoch
