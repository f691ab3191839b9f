# Divides by the raw standard deviation: a constant column gives nan or huge values.
# expect-lose: fit_scaler_tests, scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    return X.mean(axis=0), X.std(axis=0)


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 or b.shape[1] != mean.size for b in blocks):
        raise ValueError("bad shapes")
    with np.errstate(divide="ignore", invalid="ignore"):
        return tuple((b - mean) / scale for b in blocks)
