# Counts the samples in a first pass and sums the losses in a second: a generator is empty the
# second time.
# expect-lose: evaluate_tests, evaluate_validation_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    count = sum(x.shape[0] for x, _ in batches)
    if count == 0:
        raise ValueError("no batches")
    was_training = model.training
    model.eval()
    total = 0.0
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("size mismatch")
            total += loss_fn(model(x), y).item() * x.shape[0]
    model.train(was_training)
    return total / count
