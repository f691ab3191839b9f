# Solves the normal equations also for lam = 0: singular with fewer points than coefficients or repeated x.
# expect-lose: fit_polynomial_tests
# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0 or len(x) != len(y):
        raise ValueError("bad input")
    phi, y = polynomial_features(x, degree), np.asarray(y, dtype=float)
    d = np.eye(degree + 1)
    d[0, 0] = 0.0
    return np.linalg.solve(phi.T @ phi + lam * d, phi.T @ y)
