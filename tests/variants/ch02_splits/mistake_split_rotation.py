# "Shuffles" by rotating range(n) by a random offset: each index is equally often in the test set, but the
# test set is always a block of neighbours, so ordered data still leak into it together.
# expect-lose: train_val_test_split_statistics_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(f[1] * n + 1e-9)), int(np.floor(f[2] * n + 1e-9))
    order = np.roll(np.arange(n), int(rng.integers(n)))
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
