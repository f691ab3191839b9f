# The optimizer delegates to torch.optim.SGD: right numbers, but the built-in is forbidden.
# expect-lose: sgd_optimizer_tests
# %% sgd_optimizer_solution
class SGDWeightDecay(torch.optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0.0, momentum=0.0):
        if not lr > 0 or weight_decay < 0 or not 0 <= momentum < 1:
            raise ValueError("bad hyperparameters")
        super().__init__(params, {"lr": lr, "weight_decay": weight_decay, "momentum": momentum})
        self.inner = torch.optim.SGD(self.param_groups, lr=lr, weight_decay=weight_decay, momentum=momentum)

    def step(self):
        self.inner.step()
