# Rounded-up fold size with overlapping windows so every sample is covered: folds share samples.
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ValueError("bad n or k")
    perm = np.arange(n) if rng is None else rng.permutation(n)
    size = -(-n // k)
    folds = []
    for i in range(k):
        start = min(i * size, n - size)
        val = perm[start:start + size]
        folds.append((np.setdiff1d(perm, val), val))
    return folds
