# Treats a column as constant when its std is below 1e-12 (the rule the notebook used to offer): thirteen
# copies of 1e6 + 0.3 have std 2.3e-10 from rounding and are divided by it.
# expect-lose: fit_scaler_tests, scale_splits_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    std = X.std(axis=0)
    return X.mean(axis=0), np.where(std < 1e-12, 1.0, std)


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    blocks = [np.asarray(b, dtype=float) for b in (X_train, X_val, X_test)]
    if any(b.ndim != 2 or b.shape[1] != mean.size for b in blocks):
        raise ValueError("bad shapes")
    return tuple((b - mean) / scale for b in blocks)
