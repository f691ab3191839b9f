# Statistics over the wrong axis: one mean and std per row instead of per column.
# expect-lose: fit_scaler_tests, scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    constant = np.ptp(X, axis=1) == 0
    return X.mean(axis=1), np.where(constant, 1.0, X.std(axis=1))


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 or b.shape[1] != blocks[0].shape[1] for b in blocks):
        raise ValueError("bad shapes")
    return tuple((b - mean.mean()) / scale.mean() for b in blocks)
