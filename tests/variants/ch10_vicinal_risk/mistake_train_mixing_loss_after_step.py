# Records the loss of the updated model (a second forward after the step) instead of the one it trained on.
# expect-lose: train_mixing_tests
# %% train_mixing_solution
def train_mixing(model, optimizer, x, labels, num_classes, mix, steps):
    """Train model in place for `steps` full-batch steps on fresh mixes of (x, labels); return the losses.

    model.train() first; each step: x_mixed, y_mixed = mix(x, labels, num_classes)[:2], optimizer.zero_grad(),
    loss = soft_cross_entropy(model(x_mixed), y_mixed), loss.backward(), optimizer.step().
    """
    model.train()
    losses = []
    for _ in range(steps):
        batch = mix(x, labels, num_classes)
        x_mixed, y_mixed = batch[0], batch[1]
        optimizer.zero_grad()
        logits = model(x_mixed)
        loss = soft_cross_entropy(logits, y_mixed)
        loss.backward()
        optimizer.step()
        losses.append(soft_cross_entropy(model(x_mixed), y_mixed).item())
    return losses
