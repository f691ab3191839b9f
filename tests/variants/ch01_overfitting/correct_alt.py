# A second correct solution, written differently from the reference: loops, lstsq on an augmented
# system instead of the normal equations, explicit conversions.
# expect: full
# %% mse_solution
def mse(y_true, y_pred):
    a = np.array(y_true, dtype=np.float64)
    b = np.array(y_pred, dtype=np.float64)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("need two non-empty arrays of one shape")
    total = 0.0
    for u, v in zip(a.ravel(), b.ravel(), strict=True):
        total += (u - v) * (u - v)
    return total / a.size


# %% polynomial_features_solution
def polynomial_features(x, degree):
    values = np.array(x, dtype=np.float64)
    if len(values.shape) != 1:
        raise ValueError("x must be one-dimensional")
    if not isinstance(degree, (int, np.integer)) or isinstance(degree, bool) or degree < 0:
        raise ValueError("degree must be a non-negative integer")
    columns = [np.ones_like(values)]
    for _ in range(int(degree)):
        columns.append(columns[-1] * values)
    return np.stack(columns, axis=1)


# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0:
        raise ValueError("lam must be non-negative")
    design = polynomial_features(x, degree)
    targets = np.array(y, dtype=np.float64)
    if len(targets) != len(design):
        raise ValueError("x and y differ in length")
    extra_rows = np.sqrt(lam) * np.eye(degree + 1)[1:]
    stacked = np.concatenate([design, extra_rows], axis=0)
    padded = np.concatenate([targets, np.zeros(degree)])
    coefficients, *_ = np.linalg.lstsq(stacked, padded, rcond=None)
    return coefficients


# %% train_test_mse_solution
def train_test_mse(x_train, y_train, x_test, y_test, degree, lam=0.0):
    coefficients = fit_polynomial(x_train, y_train, degree, lam=lam)

    def loss(x, y):
        return mse(y, polynomial_features(x, degree).dot(coefficients))

    l_train, l_test = loss(x_train, y_train), loss(x_test, y_test)
    return float(l_train), float(l_test), float(l_test - l_train)
