# Fits a separate scaler on each split: validation and test are scaled with their own statistics.
# expect-lose: scale_splits_tests, scaler_validation_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    return X.mean(axis=0), np.where(np.ptp(X, axis=0) == 0, 1.0, X.std(axis=0))


def scale_splits(X_train, X_val, X_test):
    out = []
    width = np.asarray(X_train).shape[-1] if np.ndim(X_train) == 2 else None
    for X in (X_train, X_val, X_test):
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != width:
            raise ValueError("bad shapes")
        if len(X) == 0:
            out.append(X.copy())
            continue
        mean, scale = fit_scaler(X)
        out.append((X - mean) / scale)
    return tuple(out)
