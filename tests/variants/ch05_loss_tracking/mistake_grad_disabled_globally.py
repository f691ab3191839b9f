# Switches gradient tracking off for good with set_grad_enabled(False) and never switches it back on.
# expect-lose: evaluate_no_grad_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    torch.set_grad_enabled(False)
    total, count = 0.0, 0
    for x, y in batches:
        if x.shape[0] != y.shape[0]:
            raise ValueError("size mismatch")
        total += loss_fn(model(x), y).item() * x.shape[0]
        count += x.shape[0]
    model.train(was_training)
    if count == 0:
        raise ValueError("no batches")
    return total / count
