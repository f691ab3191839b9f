# A second correct solution: inference_mode as a decorator on an inner function, batch sums kept as
# tensors, the mode restored module by module; EMA in closed form with a cumulative sum; diagnose by
# scanning the curve; an MLP registered in reverse order with nn.init.uniform_ and addmm/einsum; a
# training loop that zeroes by p.grad = None, steps with add_(alpha=-lr) and calls evaluate; a gradient
# check with torch.autograd.grad and a basis of steps.
# expect: full
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    modes = {m: m.training for m in model.modules()}

    @torch.inference_mode()
    def run():
        sums, sizes = [], []
        for inputs, targets in batches:
            if len(inputs) != len(targets):
                raise ValueError("inputs and targets differ in batch size")
            sums.append(loss_fn(model(inputs), targets).double() * len(inputs))
            sizes.append(len(inputs))
        return sums, sizes

    model.eval()
    try:
        sums, sizes = run()
    finally:
        for module, mode in modes.items():
            module.training = mode
    if not sizes:
        raise ValueError("no batches")
    return float(torch.stack(sums).sum().item() / sum(sizes))


# %% ema_solution
def ema(values, beta):
    v = np.array(values, dtype=np.float64)
    if len(v.shape) != 1 or len(v) == 0:
        raise ValueError("values must be a non-empty 1-D sequence")
    if beta < 0 or beta >= 1:
        raise ValueError("beta must lie in [0, 1)")
    if beta == 0:
        return v.copy()
    t = np.arange(len(v))
    # s_t = beta^t v_0 + (1 - beta) sum_{i=1..t} beta^(t-i) v_i, written with a running sum
    scaled = np.concatenate([[0.0], v[1:] * beta ** (-t[1:].astype(float))]) if len(v) < 200 else None
    if scaled is None:
        out = [v[0]]
        for value in v[1:]:
            out.append(out[-1] + (1 - beta) * (value - out[-1]))
        return np.array(out)
    return beta**t * v[0] + (1 - beta) * beta**t * np.cumsum(scaled)


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    train = list(np.asarray(train_losses, dtype=float).ravel()) if np.ndim(train_losses) == 1 else None
    val = list(np.asarray(val_losses, dtype=float).ravel()) if np.ndim(val_losses) == 1 else None
    if train is None or val is None or not train or len(train) != len(val):
        raise ValueError("bad curves")
    if not high > 0 or patience < 1:
        raise ValueError("bad thresholds")
    if train[-1] > high:
        return "underfitting"
    best, since = val[0], 0
    for value in val[1:]:
        if value < best:
            best, since = value, 0
        else:
            since += 1
    return "overfitting" if since >= patience else "good fit"


# %% mlp_solution
class MLP(nn.Module):
    def __init__(self, d_in, d_hidden, d_out, generator):
        super().__init__()
        if not isinstance(generator, torch.Generator):
            raise TypeError("generator must be a torch.Generator")
        if d_in < 1 or d_hidden < 1 or d_out < 1:
            raise ValueError("every size must be at least 1")
        # Registered and drawn in the reverse order, with nn.init.uniform_ and the generator.
        for name, shape, fan_in in [("b2", (d_out,), d_hidden), ("w2", (d_out, d_hidden), d_hidden),
                                    ("b1", (d_hidden,), d_in), ("w1", (d_hidden, d_in), d_in)]:
            bound = 1.0 / fan_in ** 0.5
            parameter = nn.Parameter(torch.empty(shape))
            nn.init.uniform_(parameter, -bound, bound, generator=generator)
            self.register_parameter(name, parameter)

    def forward(self, x):
        hidden = torch.addmm(self.b1, x, self.w1.t()).tanh()
        return torch.einsum("nh,oh->no", hidden, self.w2) + self.b2


# %% train_model_solution
def train_model(model, loss_fn, train_batches, val_batches, epochs, lr):
    if epochs < 0 or lr <= 0:
        raise ValueError("need epochs >= 0 and lr > 0")
    params = list(model.parameters())
    history = {"train": [], "val": []}
    for _ in range(epochs):
        model.train()
        sums, sizes = [], []
        for inputs, targets in train_batches:
            for p in params:
                p.grad = None
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            with torch.no_grad():
                for p in params:
                    if p.grad is not None:
                        p.add_(p.grad, alpha=-lr)
            sums.append(loss.detach().double() * len(inputs))
            sizes.append(len(inputs))
        if not sizes:
            raise ValueError("train_batches is empty")
        history["train"].append(float(torch.stack(sums).sum()) / sum(sizes))
        history["val"].append(evaluate(model, loss_fn, val_batches))
    return history


# %% gradient_check_solution
def gradient_check(f, x, h=1e-6):
    if not (isinstance(x, torch.Tensor) and x.dtype.is_floating_point):
        raise TypeError("x must be a floating-point tensor")
    if h <= 0 or x.numel() == 0:
        raise ValueError("need h > 0 and an x with entries")
    base = x.detach().double().clone()
    leaf = base.clone().requires_grad_()
    out = f(leaf)
    if out.shape != ():
        raise ValueError("f must return one number (a 0-d tensor)")
    (grad,) = torch.autograd.grad(out, leaf)
    steps = torch.eye(base.numel(), dtype=torch.float64) * h
    with torch.no_grad():
        numeric = torch.stack([(f(base + s.reshape(base.shape)) - f(base - s.reshape(base.shape))) / (2 * h)
                               for s in steps]).reshape(base.shape)
    size = torch.linalg.vector_norm(grad) + torch.linalg.vector_norm(numeric)
    return grad, numeric, float(torch.linalg.vector_norm(grad - numeric) / size) if size > 0 else 0.0
