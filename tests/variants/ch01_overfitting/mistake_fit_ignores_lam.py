# Always plain least squares: the penalty is never applied.
# expect-lose: fit_polynomial_tests, train_test_mse_tests
# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0 or len(x) != len(y):
        raise ValueError("bad input")
    return np.linalg.lstsq(polynomial_features(x, degree), np.asarray(y, dtype=float), rcond=None)[0]
