# Runs the forward pass with gradient tracking on and only wraps the loss in no_grad: the graph of
# every forward pass is still built.
# expect-lose: evaluate_no_grad_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    total, count = 0.0, 0
    for x, y in batches:
        if x.shape[0] != y.shape[0]:
            raise ValueError("size mismatch")
        outputs = model(x)
        with torch.no_grad():
            total += loss_fn(outputs, y).item() * x.shape[0]
        count += x.shape[0]
    model.train(was_training)
    if count == 0:
        raise ValueError("no batches")
    return total / count
