# Counts only the epochs since the validation loss last went down (compared with the epoch before),
# not since its lowest value.
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
    since = 0
    for t in range(1, val.size):
        since = 0 if val[t] < val[t - 1] else since + 1
    return "overfitting" if since >= patience else "good fit"
