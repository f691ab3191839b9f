# Right values everywhere, but not a single input check: only the validation cells are lost, every
# main-behaviour cell keeps its points (partial credit).
# expect-lose: mse_validation_tests, polynomial_features_validation_tests, fit_polynomial_validation_tests
# %% mse_solution
def mse(y_true, y_pred):
    return float(np.mean((np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float)) ** 2))


# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    return x.reshape(-1, 1) ** np.arange(int(degree) + 1)


# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    phi = polynomial_features(x, degree)
    y = np.asarray(y, dtype=float)
    if lam == 0:
        return np.linalg.lstsq(phi, y, rcond=None)[0]
    d = np.eye(degree + 1)
    d[0, 0] = 0.0
    return np.linalg.solve(phi.T @ phi + lam * d, phi.T @ y)
