# Reads model.training after calling model.eval(): it is always False, so a training model comes back
# in evaluation mode.
# expect-lose: evaluate_mode_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    model.eval()
    was_training = model.training
    total, count = 0.0, 0
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("size mismatch")
            total += loss_fn(model(x), y).item() * x.shape[0]
            count += x.shape[0]
    model.train(was_training)
    if count == 0:
        raise ValueError("no batches")
    return total / count
