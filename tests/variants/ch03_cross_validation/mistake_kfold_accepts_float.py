# Checks only the range of n and k, so whole floats such as 6.0 slip through (no ValueError).
# expect-lose: kfold_indices_validation_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if k < 2 or k > n:
        raise ValueError("need 2 <= k <= n")
    n, k = int(n), int(k)
    order = np.arange(n) if rng is None else rng.permutation(n)
    blocks = np.array_split(order, k)
    return [(np.concatenate(blocks[:i] + blocks[i + 1:]), blocks[i]) for i in range(k)]
