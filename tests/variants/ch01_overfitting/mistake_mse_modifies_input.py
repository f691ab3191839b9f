# Computes the difference in place: the caller's float array y_true now holds the residuals.
# expect-lose: mse_tests, train_test_mse_tests
# %% mse_solution
def mse(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("shapes")
    a -= b
    return float(np.mean(a * a))
