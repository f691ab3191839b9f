# Needs more than patience epochs without improvement (> instead of >=).
# expect-lose: diagnose_tests
# %% diagnose_solution
def diagnose(train_losses, val_losses, high, patience=5):
    train = np.asarray(train_losses, dtype=float)
    val = np.asarray(val_losses, dtype=float)
    if train.ndim != 1 or val.ndim != 1 or train.size == 0 or train.shape != val.shape:
        raise ValueError("bad curves")
    if high <= 0 or patience < 1:
        raise ValueError("bad thresholds")
    if train[-1] > high:
        return "underfitting"
    if val.size - 1 - int(np.argmin(val)) > patience:
        return "overfitting"
    return "good fit"
