# Trains on the mixed inputs with the hard one-hot labels: the labels are not mixed.
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
        x_mixed = batch[0]
        optimizer.zero_grad()
        logits = model(x_mixed)
        loss = soft_cross_entropy(logits, torch.eye(num_classes, dtype=x.dtype)[labels])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses
