# Accepts only Python ints: a NumPy integer degree (np.int64(2)), which the contract allows, raises.
# expect-lose: polynomial_features_validation_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1 or type(degree) is not int or degree < 0:
        raise ValueError("bad input")
    return x[:, None] ** np.arange(degree + 1)
