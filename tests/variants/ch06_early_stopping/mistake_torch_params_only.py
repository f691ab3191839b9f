# Only the parameters are checkpointed (model.named_parameters()), not the buffers such as BatchNorm running statistics.
# expect-lose: torch_es_tests
# %% torch_es_solution
class TorchEarlyStopping:
    def __init__(self, patience, min_delta=0.0):
        if isinstance(patience, bool) or not isinstance(patience, int) or patience < 1 or min_delta < 0:
            raise ValueError("bad patience or min_delta")
        self.patience, self.min_delta = patience, min_delta
        self.best_loss, self.best_epoch, self.counter, self.best_state = float("inf"), None, 0, None
        self.calls = 0

    def step(self, val_loss, model):
        epoch, self.calls = self.calls, self.calls + 1
        val_loss = float(val_loss)
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss, self.best_epoch, self.counter = val_loss, epoch, 0
            self.best_state = {k: v.detach().clone() for k, v in model.named_parameters()}
        else:
            self.counter += 1
        return self.counter >= self.patience

    def restore(self, model):
        if self.best_state is None:
            raise ValueError("no checkpoint")
        model.load_state_dict(self.best_state, strict=False)
