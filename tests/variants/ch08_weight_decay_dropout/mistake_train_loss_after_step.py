# The recorded loss is recomputed after the update (a second forward pass per step).
# expect-lose: train_steps_tests
# %% train_steps_solution
def train_steps(model, loss_fn, X, y, optimizer, steps):
    """Train model in place for `steps` full-batch steps; return the list of the losses (Python floats).

    model.train() first; each step: optimizer.zero_grad(), loss = loss_fn(model(X), y) (one model call),
    loss.backward(), optimizer.step(). Each loss is the one computed before that step's update.
    """
    model.train()
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        output = model(X)
        loss = loss_fn(output, y)
        loss.backward()
        optimizer.step()
        losses.append(loss_fn(model(X), y).item())
    return losses
