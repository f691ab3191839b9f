# Returns the root mean squared error: the square root of the asked quantity.
# expect-lose: mse_tests, train_test_mse_tests
# %% mse_solution
def mse(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("shapes")
    return float(np.sqrt(np.mean((a - b) ** 2)))
