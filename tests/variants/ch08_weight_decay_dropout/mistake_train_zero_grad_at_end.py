# zero_grad() called after step(), at the end of each iteration: the gradients the parameters held before
# the call are added to the first step's.
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
        output = model(X)
        loss = loss_fn(output, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return losses
