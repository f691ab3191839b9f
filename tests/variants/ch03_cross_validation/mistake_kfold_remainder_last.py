# The extra samples go to the last n % k folds (sizes 3, 3, 4 for n = 10, k = 3) instead of the first.
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ValueError("bad n or k")
    order = np.arange(n) if rng is None else rng.permutation(n)
    sizes = [n // k + (i >= k - n % k) for i in range(k)]
    folds, start = [], 0
    for size in sizes:
        folds.append((np.concatenate([order[:start], order[start + size:]]), order[start:start + size]))
        start += size
    return folds
