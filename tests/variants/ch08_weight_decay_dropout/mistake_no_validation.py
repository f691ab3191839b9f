# ruff: noqa: E501
# Every value right, every ValueError and TypeError forgotten: only the six validation cells are lost, the main
# and statistics cells keep their points.
# expect-lose: l2_penalty_validation_tests, sgd_step_validation_tests, dropout_validation_tests, sgd_optimizer_validation_tests, adamw_validation_tests, torch_dropout_validation_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    w = np.asarray(weights, dtype=float)
    return float(lam * np.sum(w**2)), 2.0 * lam * w


# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    return (1.0 - 2.0 * lr * lam) * np.asarray(w, dtype=float) - lr * np.asarray(grad_data, dtype=float)


# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        self.p, self.rng, self.scale = p, rng, None

    def forward(self, x, training=True):
        x = np.array(x, dtype=float)
        if not training:
            self.scale = None
            return x
        self.scale = (self.rng.random(x.shape) >= self.p) / (1.0 - self.p)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.scale is None else grad * self.scale


# %% sgd_optimizer_solution
class SGDWeightDecay(torch.optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0.0, momentum=0.0):
        super().__init__(params, {"lr": lr, "weight_decay": weight_decay, "momentum": momentum})

    def step(self):
        with torch.no_grad():
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    d = p.grad + group["weight_decay"] * p
                    if group["momentum"]:
                        state = self.state[p]
                        state["b"] = d.clone() if "b" not in state else group["momentum"] * state["b"] + d
                        d = state["b"]
                    p.sub_(group["lr"] * d)


# %% adamw_solution
class DecoupledAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay})

    def step(self):
        with torch.no_grad():
            for group in self.param_groups:
                (b1, b2), lr = group["betas"], group["lr"]
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    state = self.state[p]
                    t = state["t"] = state.get("t", 0) + 1
                    m = state["m"] = b1 * state.get("m", torch.zeros_like(p)) + (1 - b1) * p.grad
                    v = state["v"] = b2 * state.get("v", torch.zeros_like(p)) + (1 - b2) * p.grad**2
                    step = lr * (m / (1 - b1**t)) / ((v / (1 - b2**t)).sqrt() + group["eps"])
                    p.mul_(1 - lr * group["weight_decay"]).sub_(step)


# %% torch_dropout_solution
class TorchDropout(nn.Module):
    def __init__(self, p, generator):
        super().__init__()
        self.p, self.generator = p, generator

    def forward(self, x):
        if not self.training:
            return x
        return x * (torch.rand(x.shape, generator=self.generator) >= self.p) / (1 - self.p)
