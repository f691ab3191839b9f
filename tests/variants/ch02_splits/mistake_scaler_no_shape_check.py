# Leaves the column check to NumPy: an X_val of shape (m, 1) or (d,) broadcasts silently instead of raising.
# expect-lose: scaler_validation_tests
# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    if X.ndim != 2 or len(X) == 0:
        raise ValueError("bad X_train")
    return X.mean(axis=0), np.where(np.ptp(X, axis=0) == 0, 1.0, X.std(axis=0))


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    return tuple((np.asarray(X, dtype=float) - mean) / scale for X in (X_train, X_val, X_test))
