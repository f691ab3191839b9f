# The validation pass runs before the training pass of each epoch: each validation loss belongs to the
# weights of the epoch before.
# expect-lose: train_model_val_loss_tests
# %% train_model_solution
def train_model(model, loss_fn, train_batches, val_batches, epochs, lr):
    if epochs < 0:
        raise ValueError(f"epochs must be >= 0, got {epochs}")
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr}")
    history = {"train": [], "val": []}
    for _ in range(epochs):
        history["val"].append(evaluate(model, loss_fn, val_batches))
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
            total += loss.item() * x.shape[0]
            count += x.shape[0]
        if count == 0:
            raise ValueError("train_batches yielded no batch")
        history["train"].append(total / count)
    return history
