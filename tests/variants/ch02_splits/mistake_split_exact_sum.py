# Checks sum(fractions) == 1 exactly: valid fractions such as (0.7, 0.2, 0.1), whose float sum is
# 0.9999999999999999, are rejected.
# expect-lose: train_val_test_split_validation_tests
# %% train_val_test_split_solution
def train_val_test_split(n, fractions, rng):
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    if len(fractions) != 3 or min(fractions) < 0 or sum(fractions) != 1:
        raise ValueError("fractions")
    n_val, n_test = int(np.floor(fractions[1] * n + 1e-9)), int(np.floor(fractions[2] * n + 1e-9))
    order = rng.permutation(n)
    return order[:n - n_val - n_test], order[n - n_val - n_test:n - n_test], order[n - n_test:]
