# Works on arrays only: Python lists are subtracted without np.asarray and raise a TypeError.
# expect-lose: mse_tests
# %% mse_solution
def mse(y_true, y_pred):
    if np.shape(y_true) != np.shape(y_pred) or np.size(y_true) == 0:
        raise ValueError("shapes")
    return float(np.mean((y_true - y_pred) ** 2))
