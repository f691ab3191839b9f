# A second correct solution: explicit loops over flat views, binomial masks, a stored boolean mask; in torch a
# while loop with zero_grad(set_to_none=False), a zero-initialised momentum buffer under @torch.no_grad(), the
# textbook AdamW with new moment tensors, a tensor step count and p.copy_, and a Bernoulli mask.
# expect: full
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be non-negative")
    w = np.array(weights, dtype=np.float64)
    total = 0.0
    for value in w.ravel():
        total += value * value
    return lam * total, lam * (w + w)


# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    w = np.array(w, dtype=np.float64)
    g = np.array(grad_data, dtype=np.float64)
    if w.shape != g.shape or not lr > 0 or lam < 0:
        raise ValueError("need equal shapes, lr > 0 and lam >= 0")
    full_gradient = g + 2 * lam * w
    return w - lr * full_gradient


# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if p < 0 or p >= 1:
            raise ValueError("p is a drop probability in [0, 1)")
        self.p, self.rng, self.mask, self.training = p, rng, None, False

    def forward(self, x, training=True):
        self.training = training
        x = np.array(x, dtype=np.float64)
        if not training:
            return x
        self.mask = self.rng.binomial(1, 1 - self.p, size=x.shape).astype(bool)
        return np.where(self.mask, x / (1 - self.p), 0.0)

    def backward(self, grad):
        grad = np.array(grad, dtype=np.float64)
        if not self.training:
            return grad
        return np.where(self.mask, grad / (1 - self.p), 0.0)


# %% numeric_answers
q1_shrink_factor = 0.998 ** 200
q2_active_units = 204.8
q3_weight_decay = 0.0002


# %% train_steps_solution
def train_steps(model, loss_fn, X, y, optimizer, steps):
    model.train(True)
    history = []
    step = 0
    while step < steps:
        optimizer.zero_grad(set_to_none=False)
        prediction = model(X)
        loss = loss_fn(prediction, y)
        loss.backward()
        history.append(float(loss.detach()))
        optimizer.step()
        step += 1
    return history


# %% sgd_optimizer_solution
class SGDWeightDecay(torch.optim.Optimizer):
    def __init__(self, params, lr, weight_decay=0.0, momentum=0.0):
        if lr <= 0 or weight_decay < 0 or momentum < 0 or momentum >= 1:
            raise ValueError("need lr > 0, weight_decay >= 0 and 0 <= momentum < 1")
        super().__init__(params, dict(lr=lr, weight_decay=weight_decay, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                d = torch.add(p.grad, p, alpha=group["weight_decay"])
                if group["momentum"]:
                    buffer = self.state[p].setdefault("buffer", torch.zeros_like(p))
                    buffer.mul_(group["momentum"]).add_(d)
                    d = buffer
                p.sub_(group["lr"] * d)


# %% adamw_solution
class DecoupledAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        if lr <= 0 or eps < 0 or weight_decay < 0 or not all(0 <= b < 1 for b in betas):
            raise ValueError("invalid hyperparameter")
        super().__init__(params, dict(lr=lr, betas=tuple(betas), eps=eps, weight_decay=weight_decay))

    def step(self):
        for group in self.param_groups:
            b1, b2 = group["betas"]
            lr = group["lr"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad.detach()
                state = self.state[p]
                t = state.get("t", torch.tensor(0.0)) + 1
                m = b1 * state.get("m", torch.zeros_like(p)) + (1 - b1) * g
                v = b2 * state.get("v", torch.zeros_like(p)) + (1 - b2) * g * g
                state.update(t=t, m=m, v=v)
                m_hat = m / (1 - b1 ** t.item())
                v_hat = v / (1 - b2 ** t.item())
                new = p.detach() * (1 - lr * group["weight_decay"]) - lr * m_hat / (v_hat.sqrt() + group["eps"])
                with torch.no_grad():
                    p.copy_(new)


# %% torch_dropout_solution
class TorchDropout(nn.Module):
    def __init__(self, p, generator):
        super().__init__()
        if not isinstance(generator, torch.Generator):
            raise TypeError("generator must be a torch.Generator")
        if p < 0 or p >= 1:
            raise ValueError("p must be in [0, 1)")
        self.p = p
        self.generator = generator

    def forward(self, x):
        if self.training and self.p > 0:
            mask = torch.bernoulli(torch.full_like(x, 1 - self.p), generator=self.generator)
            return x * mask * (1.0 / (1 - self.p))
        return x

# %% q6_q7_answers
q6_grad_w5, q6_grad_w01 = 0.1, 0.002
q7_active_units = 64
