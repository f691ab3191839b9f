# Non-strict comparison: a value equal to the threshold counts as an improvement and resets patience.
# expect-lose: monitor_tests
# %% monitor_solution
class EarlyStoppingMonitor:
    def __init__(self, patience, min_delta=0.0, mode="min"):
        if isinstance(patience, bool) or not isinstance(patience, int) or patience < 1 or min_delta < 0:
            raise ValueError("bad patience or min_delta")
        if mode not in ("min", "max"):
            raise ValueError("bad mode")
        self.patience, self.min_delta, self.mode = patience, min_delta, mode
        self.best_value = np.inf if mode == "min" else -np.inf
        self.best_epoch, self.counter, self.epoch = None, 0, -1

    def update(self, value):
        self.epoch += 1
        if self.mode == "min":
            improved = value <= self.best_value - self.min_delta
        else:
            improved = value >= self.best_value + self.min_delta
        if improved:
            self.best_value, self.best_epoch, self.counter = value, self.epoch, 0
        else:
            self.counter += 1
        return self.counter >= self.patience
