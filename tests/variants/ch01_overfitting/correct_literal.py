# What a careful learner writes from the contracts alone: the documented types, the documented errors,
# the simplest reading of each sentence (lstsq for lam = 0, the normal equations with D for lam > 0).
# expect: full
# %% mse_solution
def mse(y_true, y_pred):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError("y_true and y_pred must have the same shape")
    if y_true.size == 0:
        raise ValueError("empty arrays")
    return float(np.mean((y_true - y_pred) ** 2))


# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if not isinstance(degree, (int, np.integer)):
        raise ValueError("degree must be an integer")
    if degree < 0:
        raise ValueError("degree must be non-negative")
    columns = [x ** j for j in range(degree + 1)]
    return np.column_stack(columns) if x.size else np.zeros((0, degree + 1))


# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    phi = polynomial_features(x, degree)
    y = np.asarray(y, dtype=float)
    if lam == 0:
        w, _, _, _ = np.linalg.lstsq(phi, y, rcond=None)
        return w
    d = np.eye(degree + 1)
    d[0, 0] = 0.0
    return np.linalg.solve(phi.T @ phi + lam * d, phi.T @ y)


# %% train_test_mse_solution
def train_test_mse(x_train, y_train, x_test, y_test, degree, lam=0.0):
    w = fit_polynomial(x_train, y_train, degree, lam)
    train_mse = mse(y_train, polynomial_features(x_train, degree) @ w)
    test_mse = mse(y_test, polynomial_features(x_test, degree) @ w)
    return (train_mse, test_mse, test_mse - train_mse)
