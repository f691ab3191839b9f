# The decay added to p.grad in place: the update is right, but the caller's gradient is changed.
# expect-lose: sgd_optimizer_tests
# %% sgd_optimizer_solution
class SGDWeightDecay(torch.optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0.0, momentum=0.0):
        if not lr > 0:
            raise ValueError(f"lr must be > 0, got {lr}")
        if not weight_decay >= 0:
            raise ValueError(f"weight_decay must be >= 0, got {weight_decay}")
        if not 0 <= momentum < 1:
            raise ValueError(f"momentum must be in [0, 1), got {momentum}")
        super().__init__(params, {"lr": lr, "weight_decay": weight_decay, "momentum": momentum})

    def step(self):
        with torch.no_grad():
            for group in self.param_groups:
                lr, decay, momentum = group["lr"], group["weight_decay"], group["momentum"]
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    direction = p.grad.add_(decay * p)
                    if momentum != 0:
                        state = self.state[p]
                        if "momentum_buffer" in state:
                            state["momentum_buffer"].mul_(momentum).add_(direction)
                        else:
                            state["momentum_buffer"] = direction.clone()
                        direction = state["momentum_buffer"]
                    p.add_(direction, alpha=-lr)
