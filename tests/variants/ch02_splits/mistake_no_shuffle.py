# Cuts range(n) in order without shuffling: ordered data put all of one kind in the test set. Sizes and
# partition are right, so only the randomness cell is lost.
# expect-lose: train_val_test_split_statistics_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(f[1] * n + 1e-9)), int(np.floor(f[2] * n + 1e-9))
    order = np.arange(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
