# np.vander's default order: column 0 is x**d and the last column the ones, against the contract.
# expect-lose: polynomial_features_tests, polynomial_features_validation_tests, fit_polynomial_tests,
#   train_test_mse_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError("bad input")
    return np.vander(x, degree + 1)
