# No shape check: (n,) against (n, 1) broadcasts to an (n, n) matrix of differences.
# expect-lose: mse_tests
# %% mse_solution
def mse(y_true, y_pred):
    return float(np.mean((np.asarray(y_true) - np.asarray(y_pred)) ** 2))
