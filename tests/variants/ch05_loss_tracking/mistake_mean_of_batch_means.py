# Averages the batch means: wrong whenever the last batch is shorter.
# expect-lose: evaluate_tests
# %% evaluate_solution
def evaluate(model, loss_fn, batches):
    was_training = model.training
    model.eval()
    losses = []
    with torch.no_grad():
        for x, y in batches:
            if x.shape[0] != y.shape[0]:
                raise ValueError("size mismatch")
            losses.append(loss_fn(model(x), y).item())
    model.train(was_training)
    if not losses:
        raise ValueError("no batches")
    return float(np.mean(losses))
