# A second correct solution, written differently from the reference: explicit loops, math.floor,
# a shuffled list of groups, sums instead of np.mean / np.std.
# expect: full
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    import math

    if type(n) is bool or not float(n).is_integer() or isinstance(n, float) or n <= 0:
        raise ValueError("n must be a positive integer")
    fractions = [float(f) for f in fractions]
    if len(fractions) != 3 or min(fractions) < 0 or not math.isclose(sum(fractions), 1.0, abs_tol=1e-8):
        raise ValueError("fractions must be three non-negative numbers with sum 1")
    sizes = [math.floor(f * n + 1e-9) for f in fractions[1:]]
    indices = np.arange(n)
    rng.shuffle(indices)
    n_test = sizes[1]
    n_val = sizes[0]
    test = indices[n - n_test:]
    val = indices[n - n_test - n_val:n - n_test]
    train = indices[:n - n_test - n_val]
    return train, val, test


# %% group_split_solution
def group_split(groups, test_fraction, rng):
    import math

    groups = np.array(groups)
    if groups.ndim != 1 or len(groups) == 0:
        raise ValueError("groups: non-empty 1-D")
    if test_fraction <= 0 or test_fraction >= 1:
        raise ValueError("test_fraction must be in (0, 1)")
    names = sorted(set(groups.tolist()))
    if len(names) < 2:
        raise ValueError("need two groups")
    k = math.floor(test_fraction * len(names) + 1e-9)
    k = max(1, min(k, len(names) - 1))
    order = rng.permutation(len(names))
    test_names = {names[j] for j in order[:k]}
    train, test = [], []
    for i, g in enumerate(groups.tolist()):
        (test if g in test_names else train).append(i)
    return np.array(train, dtype=np.int64), np.array(test, dtype=np.int64)


# %% scaler_solution
def fit_scaler(X_train):
    X = np.array(X_train, dtype=np.float64)
    if len(X.shape) != 2 or len(X) < 1:
        raise ValueError("X_train must be 2-D and non-empty")
    n = len(X)
    mean = X.sum(axis=0) / n
    var = ((X - mean) ** 2).sum(axis=0) / n
    scale = np.sqrt(var)
    for j in range(X.shape[1]):
        if np.ptp(X[:, j]) == 0:
            scale[j] = 1.0
    return mean, scale


def scale_splits(X_train, X_val, X_test):
    mean, scale = fit_scaler(X_train)
    out = []
    for X in (X_train, X_val, X_test):
        X = np.array(X, dtype=np.float64)
        if len(X.shape) != 2 or X.shape[1] != len(mean):
            raise ValueError("column mismatch")
        out.append((X - mean[None, :]) * (1.0 / scale)[None, :])
    return out[0], out[1], out[2]


# %% shared_rows_solution
def shared_rows(X_train, X_test):
    A, B = np.asarray(X_train), np.asarray(X_test)
    if A.ndim != 2 or B.ndim != 2 or A.shape[1] != B.shape[1]:
        raise ValueError("bad shapes")
    if len(A) == 0 or len(B) == 0:
        return np.zeros(0, dtype=int)
    equal = (B[:, None, :] == A[None, :, :]).all(axis=2).any(axis=1)
    return np.nonzero(equal)[0]
