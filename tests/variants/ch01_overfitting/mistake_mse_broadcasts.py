# No shape check: (n,) against (n, 1) broadcasts to an (n, n) matrix of differences. Same-shape values
# are right, so only the input checks are lost.
# expect-lose: mse_validation_tests
# %% mse_solution
def mse(y_true, y_pred):
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
