# Indexes x as an array without converting it: a Python list raises a TypeError.
# expect-lose: polynomial_features_tests, fit_polynomial_tests, train_test_mse_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    if np.ndim(x) != 1 or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError("bad input")
    return x[:, None] ** np.arange(degree + 1.0)
