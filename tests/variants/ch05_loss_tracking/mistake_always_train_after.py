# Calls model.train() at the end whatever the mode was before: a model in eval mode comes back training.
# expect-lose: evaluate_mode_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("size mismatch")
            total += loss_fn(model(x), y).item() * x.shape[0]
            count += x.shape[0]
    model.train()
    if count == 0:
        raise ValueError("no batches")
    return total / count
