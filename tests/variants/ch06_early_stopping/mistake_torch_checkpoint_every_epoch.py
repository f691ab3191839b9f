# Saves a (deep) checkpoint after every epoch, not only on an improvement: restores the last weights.
# expect-lose: torch_es_tests, torch_es_validation_tests
# %% torch_es_solution
class TorchEarlyStopping:
    """Checkpoint the best state_dict and signal when the validation loss stops improving.

    Attributes best_loss (inf), best_epoch (None), counter (0) and best_state (None) at first.
    step(val_loss, model) returns True exactly when counter >= patience; restore(model) loads the
    best checkpoint.
    """

    def __init__(self, patience, min_delta=0.0):
        if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
            raise ValueError(f"patience must be a positive integer, got {patience!r}")
        if min_delta < 0:
            raise ValueError(f"min_delta must be >= 0, got {min_delta}")
        self.patience, self.min_delta = int(patience), float(min_delta)
        self.best_loss, self.best_epoch, self.counter, self.best_state = float("inf"), None, 0, None
        self._calls = 0

    def step(self, val_loss, model):
        """Record one epoch; checkpoint on improvement; return True when training should stop."""
        epoch = self._calls
        self._calls += 1
        val_loss = float(val_loss)
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch, self.counter = val_loss, epoch, 0
            self.best_state = copy.deepcopy(model.state_dict())
        else:
            self.counter += 1
        self.best_state = copy.deepcopy(model.state_dict())
        return self.counter >= self.patience

    def restore(self, model):
        """Load the best checkpoint into model."""
        if self.best_state is None:
            raise ValueError("no checkpoint saved yet: call step first")
        model.load_state_dict(self.best_state)
