# Floors f * n without the 1e-9 tolerance: 0.29 * 100 = 28.999999999999996 becomes 28, not 29.
# expect-lose: train_val_test_split_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(f[1] * n), int(f[2] * n)
    order = rng.permutation(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
