# Adds up size-weighted batch losses but never divides by the number of samples: returns the sum.
# expect-lose: evaluate_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
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
    return total
