# Solves the normal equations of J / 2 with lam / 2: the penalty is half as strong as the contract's.
# expect-lose: fit_polynomial_tests, train_test_mse_tests
# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0 or len(x) != len(y):
        raise ValueError("bad input")
    phi, y = polynomial_features(x, degree), np.asarray(y, dtype=float)
    if lam == 0:
        return np.linalg.lstsq(phi, y, rcond=None)[0]
    d = np.eye(degree + 1)
    d[0, 0] = 0.0
    return np.linalg.solve(phi.T @ phi + lam / 2 * d, phi.T @ y)
