# Right results on valid input, but not a single input check: only the validation cells are lost, every
# main-behaviour and statistics cell keeps its points (partial credit).
# ruff: noqa: E501
# expect-lose: train_val_test_split_validation_tests, group_split_validation_tests, scaler_validation_tests, shared_rows_validation_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    n = int(n)
    n_val = int(np.floor(fractions[1] * n + 1e-9))
    n_test = int(np.floor(fractions[2] * n + 1e-9))
    order = rng.permutation(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]


# %% group_split_solution
def group_split(groups, test_fraction, rng):
    groups = np.asarray(groups)
    names = np.unique(groups)
    k = min(max(int(np.floor(test_fraction * len(names) + 1e-9)), 1), max(len(names) - 1, 1))
    chosen = rng.choice(len(names), size=min(k, len(names)), replace=False)
    in_test = np.isin(groups, names[chosen])
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)


# %% scaler_solution
def fit_scaler(X_train):
    X = np.asarray(X_train, dtype=float)
    return X.mean(axis=0), np.where(np.ptp(X, axis=0) == 0, 1.0, X.std(axis=0))


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    return tuple((np.asarray(X, dtype=float) - mean) / scale for X in (X_train, X_val, X_test))


# %% shared_rows_solution
def shared_rows(X_train, X_test):
    known = {tuple(row) for row in np.asarray(X_train).tolist()}
    return np.array([i for i, row in enumerate(np.asarray(X_test).tolist()) if tuple(row) in known], dtype=int)
