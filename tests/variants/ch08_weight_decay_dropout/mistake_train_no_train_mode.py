# model.train() forgotten: a model handed over in evaluation mode trains with its dropout switched off.
# expect-lose: train_steps_tests
# %% train_steps_solution
def train_steps(model, loss_fn, X, y, optimizer, steps):
    """Train model in place for `steps` full-batch steps; return the list of the losses (Python floats).

    model.train() first; each step: optimizer.zero_grad(), loss = loss_fn(model(X), y) (one model call),
    loss.backward(), optimizer.step(). Each loss is the one computed before that step's update.
    """
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        output = model(X)
        loss = loss_fn(output, y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
