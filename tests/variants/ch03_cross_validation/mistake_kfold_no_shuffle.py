# Ignores the generator: folds are always consecutive blocks of 0..n-1.
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ValueError("bad n or k")
    blocks = np.array_split(np.arange(n), k)
    return [(np.concatenate(blocks[:i] + blocks[i + 1:]), blocks[i]) for i in range(k)]
