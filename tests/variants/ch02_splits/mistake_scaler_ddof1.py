# Sample standard deviation (ddof=1, dividing by n - 1) instead of the population formula.
# expect-lose: fit_scaler_tests, scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    constant = np.ptp(X, axis=0) == 0
    std = X.std(axis=0, ddof=1) if len(X) > 1 else np.zeros(X.shape[1])
    return X.mean(axis=0), np.where(constant, 1.0, std)


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 or b.shape[1] != mean.size for b in blocks):
        raise ValueError("bad shapes")
    return tuple((b - mean) / scale for b in blocks)
