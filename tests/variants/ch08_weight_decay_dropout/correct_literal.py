# What a careful learner writes from the contract alone: np.asarray(..., dtype=float) as the hint says, float()
# for the penalty, the weight-decay form with the factor 1 - 2 lr lam, a stored boolean mask and a training flag,
# rng.random(x.shape) >= p as the contract suggests, and the questions computed in Python.
# In torch: the loop as listed in the contract, the two update rules written as the contract's formulas
# (state in self.state[p], hyperparameters from the group), and the mask of the contract's example.
# expect: full
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must not be negative")
    W = np.asarray(weights, dtype=float)
    penalty = float(lam * np.sum(W**2))
    gradient = 2 * lam * W
    return penalty, gradient


# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    if w.shape != grad_data.shape:
        raise ValueError("w and grad_data must have the same shape")
    if lr <= 0:
        raise ValueError("lr must be positive")
    if lam < 0:
        raise ValueError("lam must not be negative")
    decay = 1 - 2 * lr * lam
    return decay * w - lr * grad_data


# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if p < 0 or p >= 1:
            raise ValueError("p must be in [0, 1)")
        self.p = p
        self.rng = rng
        self.mask = None
        self.training = True

    def forward(self, x, training=True):
        self.training = training
        if not training:
            return x.astype(float)
        self.mask = self.rng.random(x.shape) >= self.p
        return x * self.mask / (1 - self.p)

    def backward(self, grad):
        if not self.training:
            return grad.astype(float)
        return grad * self.mask / (1 - self.p)


# %% numeric_answers
q1_shrink_factor = (1 - 2 * 0.05 * 0.02) ** 200
q2_active_units = 256 * (1 - 0.2)
q3_weight_decay = 2 * 1e-4


# %% train_steps_solution
def train_steps(model, loss_fn, X, y, optimizer, steps):
    model.train()
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


# %% sgd_optimizer_solution
class SGDWeightDecay(torch.optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0.0, momentum=0.0):
        if lr <= 0:
            raise ValueError("lr must be positive")
        if weight_decay < 0:
            raise ValueError("weight_decay must not be negative")
        if momentum < 0 or momentum >= 1:
            raise ValueError("momentum must be in [0, 1)")
        defaults = {"lr": lr, "weight_decay": weight_decay, "momentum": momentum}
        super().__init__(params, defaults)

    def step(self):
        with torch.no_grad():
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    d = p.grad + group["weight_decay"] * p
                    if group["momentum"] != 0:
                        state = self.state[p]
                        if "momentum_buffer" not in state:
                            state["momentum_buffer"] = d.clone()
                        else:
                            state["momentum_buffer"] = group["momentum"] * state["momentum_buffer"] + d
                        d = state["momentum_buffer"]
                    p -= group["lr"] * d


# %% adamw_solution
class DecoupledAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        if lr <= 0:
            raise ValueError("lr must be positive")
        if eps < 0:
            raise ValueError("eps must not be negative")
        if weight_decay < 0:
            raise ValueError("weight_decay must not be negative")
        if betas[0] < 0 or betas[0] >= 1 or betas[1] < 0 or betas[1] >= 1:
            raise ValueError("betas must be in [0, 1)")
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay}
        super().__init__(params, defaults)

    def step(self):
        with torch.no_grad():
            for group in self.param_groups:
                lr = group["lr"]
                beta1, beta2 = group["betas"]
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    g = p.grad
                    state = self.state[p]
                    if len(state) == 0:
                        state["t"] = 0
                        state["m"] = torch.zeros_like(p)
                        state["v"] = torch.zeros_like(p)
                    state["t"] += 1
                    t = state["t"]
                    state["m"] = beta1 * state["m"] + (1 - beta1) * g
                    state["v"] = beta2 * state["v"] + (1 - beta2) * g**2
                    m_hat = state["m"] / (1 - beta1**t)
                    v_hat = state["v"] / (1 - beta2**t)
                    p.copy_((1 - lr * group["weight_decay"]) * p - lr * m_hat / (torch.sqrt(v_hat) + group["eps"]))


# %% torch_dropout_solution
class TorchDropout(nn.Module):
    def __init__(self, p, generator):
        super().__init__()
        if p < 0 or p >= 1:
            raise ValueError("p must be in [0, 1)")
        if not isinstance(generator, torch.Generator):
            raise TypeError("generator must be a torch.Generator")
        self.p = p
        self.generator = generator

    def forward(self, x):
        if not self.training:
            return x
        mask = torch.rand(x.shape, generator=self.generator) >= self.p
        return x * mask / (1 - self.p)

# %% q6_q7_answers
q6_grad_w5 = 2 * 0.01 * 5.0
q6_grad_w01 = 2 * 0.01 * 0.1
q7_active_units = 128 * (1 - 0.5)
