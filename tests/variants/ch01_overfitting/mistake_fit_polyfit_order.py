# np.polyfit returns the highest power first: w[j] no longer multiplies x**j (and lam is ignored).
# expect-lose: fit_polynomial_tests, train_test_mse_tests
# %% fit_polynomial_solution
def fit_polynomial(x, y, degree, lam=0.0):
    if lam < 0 or len(x) != len(y):
        raise ValueError("bad input")
    return np.polyfit(np.asarray(x, dtype=float), np.asarray(y, dtype=float), degree)
