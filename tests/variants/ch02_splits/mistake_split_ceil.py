# Rounds the validation and test sizes up: the held-out sets are too big whenever f * n is fractional.
# expect-lose: train_val_test_split_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(np.ceil(f[1] * n - 1e-9)), int(np.ceil(f[2] * n - 1e-9))
    order = rng.permutation(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
