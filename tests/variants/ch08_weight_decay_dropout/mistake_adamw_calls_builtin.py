# The optimizer delegates to torch.optim.AdamW: right numbers, but the built-in is forbidden.
# expect-lose: adamw_tests
# %% adamw_solution
class DecoupledAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        if not lr > 0 or eps < 0 or weight_decay < 0 or not all(0 <= b < 1 for b in betas):
            raise ValueError("bad hyperparameters")
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay})
        self.inner = torch.optim.AdamW(self.param_groups, lr=lr, eps=eps, weight_decay=weight_decay,
                                       betas=tuple(float(b) for b in betas))

    def step(self):
        self.inner.step()
