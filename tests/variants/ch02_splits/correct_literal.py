# What a careful learner writes from the contracts alone: the documented types, the documented errors,
# the simplest reading of each sentence (a column is constant when all its values equal the first one).
# expect: full
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if not isinstance(n, (int, np.integer)) or n <= 0:
        raise ValueError("n must be a positive integer")
    if len(fractions) != 3:
        raise ValueError("fractions must have three entries")
    f_train, f_val, f_test = fractions
    if f_train < 0 or f_val < 0 or f_test < 0:
        raise ValueError("fractions must be non-negative")
    if abs(f_train + f_val + f_test - 1) > 1e-8:
        raise ValueError("fractions must sum to 1")
    n_val = int(np.floor(f_val * n + 1e-9))
    n_test = int(np.floor(f_test * n + 1e-9))
    n_train = n - n_val - n_test
    order = rng.permutation(n)
    return order[:n_train], order[n_train:n_train + n_val], order[n_train + n_val:]


# %% group_split_solution
def group_split(groups, test_fraction, rng):
    groups = np.asarray(groups)
    if groups.ndim != 1 or len(groups) == 0:
        raise ValueError("groups must be a non-empty 1-D array")
    if not (0 < test_fraction < 1):
        raise ValueError("test_fraction must be strictly between 0 and 1")
    unique_groups = np.unique(groups)
    G = len(unique_groups)
    if G < 2:
        raise ValueError("need at least two distinct groups")
    n_test_groups = int(np.floor(test_fraction * G + 1e-9))
    n_test_groups = min(max(n_test_groups, 1), G - 1)
    test_groups = rng.choice(unique_groups, size=n_test_groups, replace=False)
    is_test = np.isin(groups, test_groups)
    return np.where(~is_test)[0], np.where(is_test)[0]


# %% scaler_solution
def fit_scaler(X_train):
    X_train = np.asarray(X_train)
    if X_train.ndim != 2 or X_train.shape[0] == 0:
        raise ValueError("X_train must be 2-D with at least one row")
    mean = X_train.mean(axis=0)
    scale = X_train.std(axis=0)
    for j in range(X_train.shape[1]):
        if np.all(X_train[:, j] == X_train[0, j]):
            scale[j] = 1.0
    return mean, scale


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    X_val, X_test = np.asarray(X_val), np.asarray(X_test)
    for X in (X_val, X_test):
        if X.ndim != 2 or X.shape[1] != len(mean):
            raise ValueError("X_val and X_test must be 2-D with the columns of X_train")
    return (X_train - mean) / scale, (X_val - mean) / scale, (X_test - mean) / scale


# %% shared_rows_solution
def shared_rows(X_train, X_test):
    X_train, X_test = np.asarray(X_train), np.asarray(X_test)
    if X_train.ndim != 2 or X_test.ndim != 2:
        raise ValueError("both inputs must be 2-D")
    if X_train.shape[1] != X_test.shape[1]:
        raise ValueError("different numbers of columns")
    result = []
    for i in range(len(X_test)):
        for j in range(len(X_train)):
            if np.all(X_test[i] == X_train[j]):
                result.append(i)
                break
    return np.array(result, dtype=int)
