# Accepts only Python ints for n and k, although the contract names NumPy integers too.
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if type(n) is not int or type(k) is not int or k < 2 or k > n:
        raise ValueError("n and k must be ints with 2 <= k <= n")
    order = np.arange(n) if rng is None else rng.permutation(n)
    blocks = np.array_split(order, k)
    return [(np.concatenate(blocks[:i] + blocks[i + 1:]), blocks[i]) for i in range(k)]
