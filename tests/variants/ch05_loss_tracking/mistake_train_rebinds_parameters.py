# Each update assigns a new nn.Parameter to the module: the numbers are right, but the model loses its
# Parameter objects (an optimiser or a reference held elsewhere now points at stale tensors).
# expect-lose: train_model_tests
# %% train_model_solution
def train_model(model, loss_fn, train_batches, val_batches, epochs, lr):
    """Train `model` in place with hand-written SGD; return {"train": [...], "val": [...]} per epoch.

    Each epoch: model.train(); per batch: zero the gradients, loss = loss_fn(model(x), y), backward,
    p -= lr * p.grad in place under torch.no_grad() for every parameter with a gradient; the epoch's
    training loss is the sample-weighted mean of the batch losses (before each update). Then the
    validation loss as `evaluate` computes it (eval mode, no gradients, sample-weighted mean).
    Raises ValueError if epochs < 0, lr <= 0, or a pass yields no batch.
    """
    if epochs < 0:
        raise ValueError(f"epochs must be >= 0, got {epochs}")
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr}")
    history = {"train": [], "val": []}
    for _ in range(epochs):
        model.train()
        total, count = 0.0, 0
        for x, y in train_batches:
            model.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            with torch.no_grad():
                for module in model.modules():
                    for name, p in list(module.named_parameters(recurse=False)):
                        if p.grad is not None:
                            setattr(module, name, nn.Parameter(p - lr * p.grad))
            total += loss.item() * x.shape[0]
            count += x.shape[0]
        if count == 0:
            raise ValueError("train_batches yielded no batch")
        history["train"].append(total / count)
        model.eval()
        total, count = 0.0, 0
        with torch.no_grad():
            for x, y in val_batches:
                total += loss_fn(model(x), y).item() * x.shape[0]
                count += x.shape[0]
        if count == 0:
            raise ValueError("val_batches yielded no batch")
        history["val"].append(total / count)
    return history
