# Powers 1 .. d+1 instead of 0 .. d: the right number of columns but no bias column.
# expect-lose: polynomial_features_tests, polynomial_features_validation_tests, fit_polynomial_tests,
#   train_test_mse_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError("bad input")
    return x[:, None] ** np.arange(1, degree + 2)
