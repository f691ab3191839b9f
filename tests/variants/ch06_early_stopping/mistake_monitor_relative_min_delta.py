# Treats min_delta as a relative threshold: value < best_value * (1 - min_delta).
# expect-lose: monitor_tests
# %% monitor_solution
class EarlyStoppingMonitor:
    """Stop when a metric has not improved by more than min_delta for `patience` epochs.

    Attributes best_value (inf / -inf at first), best_epoch (None at first) and counter (0 at first);
    update(value) returns True exactly when counter >= patience after that epoch.
    """

    def __init__(self, patience, min_delta=0.0, mode="min"):
        if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
            raise ValueError(f"patience must be a positive integer, got {patience!r}")
        if min_delta < 0:
            raise ValueError(f"min_delta must be >= 0, got {min_delta}")
        if mode not in ("min", "max"):
            raise ValueError(f"mode must be 'min' or 'max', got {mode!r}")
        self.patience = int(patience)
        self.min_delta = float(min_delta)
        self.mode = mode
        self.best_value = float("inf") if mode == "min" else float("-inf")
        self.best_epoch = None
        self.counter = 0
        self._epoch = -1

    def update(self, value):
        """Record one epoch's value; return True when training should stop."""
        self._epoch += 1
        value = float(value)
        if self.mode == "min":
            improved = value < self.best_value * (1 - self.min_delta)
        else:
            improved = value > self.best_value * (1 + self.min_delta)
        if improved:
            self.best_value = value
            self.best_epoch = self._epoch
            self.counter = 0
        else:
            self.counter += 1
        return self.counter >= self.patience
