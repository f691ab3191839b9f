# Standardises in place: np.asarray returns the caller's float array itself, so X_train is overwritten.
# expect-lose: scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    return X.mean(axis=0), np.where(np.ptp(X, axis=0) == 0, 1.0, X.std(axis=0))


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 or b.shape[1] != mean.size for b in blocks):
        raise ValueError("bad shapes")
    for b in blocks:
        b -= mean
        b /= scale
    return tuple(blocks)
