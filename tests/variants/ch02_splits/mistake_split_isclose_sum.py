# Checks the sum with np.isclose (relative tolerance 1e-5) instead of the contract's 1e-8: fractions
# that sum to 1 + 1e-6 are accepted.
# expect-lose: train_val_test_split_validation_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or not np.isclose(f.sum(), 1):
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(f[1] * n + 1e-9)), int(np.floor(f[2] * n + 1e-9))
    order = rng.permutation(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
