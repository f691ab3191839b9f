# Sums the squared differences and divides by len(y): right for 1-D input, wrong for (n, k) arrays.
# expect-lose: mse_tests
# %% mse_solution
def mse(y_true, y_pred):
    a, b = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    if a.shape != b.shape or a.size == 0:
        raise ValueError("shapes")
    return float(np.sum((a - b) ** 2) / len(a))
