# Keeps the dtype of x: integer x gives an integer design matrix, not the float array the contract asks for.
# expect-lose: polynomial_features_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x)
    if x.ndim != 1 or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError("bad input")
    return x[:, None] ** np.arange(degree + 1)
