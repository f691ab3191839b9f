# Fold size n // k for every fold, as in the seed's educational loop: the last n % k samples are never validated.
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ValueError("bad n or k")
    perm = np.arange(n) if rng is None else rng.permutation(n)
    size = n // k
    return [(np.concatenate([perm[:i * size], perm[(i + 1) * size:]]), perm[i * size:(i + 1) * size])
            for i in range(k)]
