# Validation and test drawn independently from the shuffled indices: they can overlap with each other.
# expect-lose: train_val_test_split_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(f[1] * n + 1e-9)), int(np.floor(f[2] * n + 1e-9))
    val = rng.choice(n, n_val, replace=False)
    test = rng.choice(n, n_test, replace=False)
    train = np.setdiff1d(np.arange(n), np.concatenate([val, test]))
    return train, val, test
