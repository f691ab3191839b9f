# The scaler is fitted on train, validation and test together: preprocessing leakage.
# expect-lose: scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    std = X.std(axis=0)
    return X.mean(axis=0), np.where(np.ptp(X, axis=0) == 0, 1.0, std)


def scale_splits(X_train, X_val, X_test):
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 for b in blocks) or len({b.shape[1] for b in blocks}) != 1 or len(blocks[0]) == 0:
        raise ValueError("bad shapes")
    mean, scale = fit_scaler(np.vstack(blocks))
    return tuple((b - mean) / scale for b in blocks)
