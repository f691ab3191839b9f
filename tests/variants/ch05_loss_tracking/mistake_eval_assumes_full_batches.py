# Weights every batch by the first batch's size (number of batches times batch size in the
# denominator): wrong whenever the last batch is shorter.
# expect-lose: evaluate_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    total, n_batches, batch_size = 0.0, 0, None
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("size mismatch")
            if batch_size is None:
                batch_size = x.shape[0]
            total += loss_fn(model(x), y).item() * x.shape[0]
            n_batches += 1
    model.train(was_training)
    if n_batches == 0:
        raise ValueError("no batches")
    return total / (n_batches * batch_size)
