# What a careful learner writes from the contract alone: the simplest reading of every rule (no
# try/finally: the mode after an error is not graded), exactly the documented errors.
# expect: full
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    total = 0.0
    count = 0
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("x and y have different batch sizes")
            loss = loss_fn(model(x), y)
            total += loss.item() * x.shape[0]
            count += x.shape[0]
    model.train(was_training)
    if count == 0:
        raise ValueError("no batches")
    return total / count


# %% ema_solution
def ema(values, beta):
    v = np.array(values, dtype=np.float64)
    if v.ndim != 1 or len(v) == 0:
        raise ValueError("values must be a non-empty 1-D sequence")
    if beta < 0 or beta >= 1:
        raise ValueError("beta must be in [0, 1)")
    s = np.zeros(len(v))
    s[0] = v[0]
    for t in range(1, len(v)):
        s[t] = beta * s[t - 1] + (1 - beta) * v[t]
    return s


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    train = np.array(train_losses, dtype=float)
    val = np.array(val_losses, dtype=float)
    if train.ndim != 1 or val.ndim != 1:
        raise ValueError("curves must be 1-D")
    if len(train) == 0 or len(val) == 0 or len(train) != len(val):
        raise ValueError("curves must be non-empty and of the same length")
    if high <= 0:
        raise ValueError("high must be positive")
    if patience < 1:
        raise ValueError("patience must be at least 1")
    if train[-1] > high:
        return "underfitting"
    b = np.argmin(val)
    if len(val) - 1 - b >= patience:
        return "overfitting"
    return "good fit"


# %% mlp_solution
class MLP(nn.Module):
    def __init__(self, d_in, d_hidden, d_out, generator):
        super().__init__()
        if d_in < 1 or d_hidden < 1 or d_out < 1:
            raise ValueError("sizes must be at least 1")
        if not isinstance(generator, torch.Generator):
            raise TypeError("generator must be a torch.Generator")
        k1 = 1 / d_in ** 0.5
        k2 = 1 / d_hidden ** 0.5
        self.w1 = nn.Parameter(torch.rand(d_hidden, d_in, generator=generator) * 2 * k1 - k1)
        self.b1 = nn.Parameter(torch.rand(d_hidden, generator=generator) * 2 * k1 - k1)
        self.w2 = nn.Parameter(torch.rand(d_out, d_hidden, generator=generator) * 2 * k2 - k2)
        self.b2 = nn.Parameter(torch.rand(d_out, generator=generator) * 2 * k2 - k2)

    def forward(self, x):
        h = torch.tanh(x @ self.w1.T + self.b1)
        return h @ self.w2.T + self.b2


# %% train_model_solution
def train_model(model, loss_fn, train_batches, val_batches, epochs, lr):
    if epochs < 0:
        raise ValueError("epochs must be >= 0")
    if lr <= 0:
        raise ValueError("lr must be > 0")
    history = {"train": [], "val": []}
    for _ in range(epochs):
        model.train()
        total = 0.0
        count = 0
        for x, y in train_batches:
            model.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    if p.grad is not None:
                        p -= lr * p.grad
            total += loss.item() * x.shape[0]
            count += x.shape[0]
        if count == 0:
            raise ValueError("no training batch")
        history["train"].append(total / count)
        model.eval()
        total = 0.0
        count = 0
        with torch.no_grad():
            for x, y in val_batches:
                loss = loss_fn(model(x), y)
                total += loss.item() * x.shape[0]
                count += x.shape[0]
        if count == 0:
            raise ValueError("no validation batch")
        history["val"].append(total / count)
        model.train()
    return history


# %% gradient_check_solution
def gradient_check(f, x, h=1e-6):
    if not isinstance(x, torch.Tensor) or not x.is_floating_point():
        raise TypeError("x must be a floating-point tensor")
    if x.numel() == 0:
        raise ValueError("x has no entries")
    if h <= 0:
        raise ValueError("h must be positive")
    x64 = x.detach().to(torch.float64).clone()
    leaf = x64.clone().requires_grad_(True)
    value = f(leaf)
    if value.dim() != 0:
        raise ValueError("f(x) must be 0-d")
    value.backward()
    grad = leaf.grad
    numeric = torch.zeros_like(x64)
    for i in range(x64.numel()):
        plus = x64.clone()
        plus.view(-1)[i] += h
        minus = x64.clone()
        minus.view(-1)[i] -= h
        with torch.no_grad():
            numeric.view(-1)[i] = (f(plus) - f(minus)) / (2 * h)
    norms = grad.norm() + numeric.norm()
    if norms == 0:
        return grad, numeric, 0.0
    return grad, numeric, ((grad - numeric).norm() / norms).item()
