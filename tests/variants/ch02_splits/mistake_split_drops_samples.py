# Every subset floored, train included: the samples left over by rounding are silently lost.
# expect-lose: train_val_test_split_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    f = np.asarray(fractions, dtype=float)
    if f.shape != (3,) or np.any(f < 0) or abs(f.sum() - 1) > 1e-8:
        raise ValueError("fractions")
    n_train, n_val, n_test = (int(np.floor(x * n + 1e-9)) for x in f)
    order = rng.permutation(n)
    return order[:n_train], order[n_train:n_train + n_val], order[n - n_test:]
