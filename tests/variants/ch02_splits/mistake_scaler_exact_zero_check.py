# Guards only against std == 0 exactly: a column of equal values whose std rounds to 4e-16 explodes.
# expect-lose: fit_scaler_tests, scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    std = X.std(axis=0)
    return X.mean(axis=0), np.where(std == 0, 1.0, std)


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 or b.shape[1] != mean.size for b in blocks):
        raise ValueError("bad shapes")
    return tuple((b - mean) / scale for b in blocks)
