# Checks "integer value" instead of "integer": degree 2.0 is accepted, although the contract says it raises.
# expect-lose: polynomial_features_validation_tests
# %% polynomial_features_solution
def polynomial_features(x, degree):
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be 1-D")
    if degree < 0 or int(degree) != degree:
        raise ValueError("degree must be a non-negative integer")
    return x[:, None] ** np.arange(int(degree) + 1)
