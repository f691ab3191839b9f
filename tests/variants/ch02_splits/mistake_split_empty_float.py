# Builds the subsets from Python lists: an empty subset becomes np.array([]), a float array that cannot index.
# expect-lose: train_val_test_split_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(f[1] * n + 1e-9)), int(np.floor(f[2] * n + 1e-9))
    order = rng.permutation(n).tolist()
    n_train = n - n_val - n_test
    return np.array(order[:n_train]), np.array(order[n_train:n_train + n_val]), np.array(order[n_train + n_val:])
