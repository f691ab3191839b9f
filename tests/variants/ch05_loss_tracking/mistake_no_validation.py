# Right behaviour everywhere, but no input validation at all: loses only the six validation cells.
# expect-lose: evaluate_validation_tests, ema_validation_tests, diagnose_validation_tests,
#   mlp_validation_tests, train_model_validation_tests, gradient_check_validation_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in batches:
            total += loss_fn(model(x), y).item() * x.shape[0]
            count += x.shape[0]
    model.train(was_training)
    return total / count


# %% ema_solution
def ema(values, beta):
    v = np.asarray(values, dtype=float)
    out = np.empty_like(v)
    out[0] = v[0]
    for t in range(1, len(v)):
        out[t] = beta * out[t - 1] + (1 - beta) * v[t]
    return out


# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    if train_losses[-1] > high:
        return "underfitting"
    if len(val_losses) - 1 - int(np.argmin(val_losses)) >= patience:
        return "overfitting"
    return "good fit"


# %% mlp_solution
class MLP(nn.Module):
    def __init__(self, d_in, d_hidden, d_out, generator):
        super().__init__()
        self.w1 = nn.Parameter((torch.rand(d_hidden, d_in, generator=generator) * 2 - 1) / d_in ** 0.5)
        self.b1 = nn.Parameter((torch.rand(d_hidden, generator=generator) * 2 - 1) / d_in ** 0.5)
        self.w2 = nn.Parameter((torch.rand(d_out, d_hidden, generator=generator) * 2 - 1) / d_hidden ** 0.5)
        self.b2 = nn.Parameter((torch.rand(d_out, generator=generator) * 2 - 1) / d_hidden ** 0.5)

    def forward(self, x):
        return torch.tanh(x @ self.w1.T + self.b1) @ self.w2.T + self.b2


# %% train_model_solution
def train_model(model, loss_fn, train_batches, val_batches, epochs, lr):
    history = {"train": [], "val": []}
    for _ in range(epochs):
        model.train()
        total, count = 0.0, 0
        for x, y in train_batches:
            model.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    if p.grad is not None:
                        p -= lr * p.grad
            total += loss.item() * len(x)
            count += len(x)
        history["train"].append(total / max(count, 1))
        model.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for x, y in val_batches:
                total += loss_fn(model(x), y).item() * len(x)
                count += len(x)
        history["val"].append(total / max(count, 1))
    return history


# %% gradient_check_solution
def gradient_check(f, x, h=1e-6):
    point = x.detach().to(torch.float64).clone()
    leaf = point.clone().requires_grad_(True)
    f(leaf).sum().backward()
    numeric = torch.zeros_like(point)
    with torch.no_grad():
        for i in range(point.numel()):
            plus, minus = point.clone(), point.clone()
            plus.view(-1)[i] += h
            minus.view(-1)[i] -= h
            numeric.view(-1)[i] = (f(plus) - f(minus)).sum() / (2 * h)
    total = (leaf.grad.norm() + numeric.norm()).item()
    return leaf.grad, numeric, 0.0 if total == 0 else (leaf.grad - numeric).norm().item() / total
