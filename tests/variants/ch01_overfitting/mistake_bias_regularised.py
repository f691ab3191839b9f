# Ridge that penalises the bias term too, against the contract.
# expect-lose: fit_polynomial_tests, train_test_mse_tests
# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    phi = polynomial_features(x, degree)
    y = np.asarray(y, dtype=float)
    if len(y) != len(phi):
        raise ValueError("length mismatch")
    if lam == 0:
        return np.linalg.lstsq(phi, y, rcond=None)[0]
    return np.linalg.solve(phi.T @ phi + lam * np.eye(degree + 1), phi.T @ y)
