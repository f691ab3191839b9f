# Shuffles with NumPy's global generator instead of rng: the same seed no longer gives the same split.
# expect-lose: train_val_test_split_statistics_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(f[1] * n + 1e-9)), int(np.floor(f[2] * n + 1e-9))
    order = np.random.permutation(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
