# Off-by-one degree: only d columns (x**0 .. x**(d-1)) for a polynomial of degree d.
# expect-lose: polynomial_features_tests, polynomial_features_validation_tests, fit_polynomial_tests,
#   train_test_mse_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or degree < 0:
        raise ValueError("bad input")
    return x[:, None] ** np.arange(degree)
