# Shuffles with a fresh default generator when rng is None, instead of keeping np.arange(n).
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ValueError("bad n or k")
    order = (rng if rng is not None else np.random.default_rng()).permutation(n)
    blocks = np.array_split(order, k)
    return [(np.concatenate(blocks[:i] + blocks[i + 1:]), blocks[i]) for i in range(k)]
