# Accepts only a Python int for k, although the contract names NumPy integers too.
# expect-lose: stratified_kfold_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or type(k) is not int or not 2 <= k <= y.size:
        raise ValueError("bad input")
    order = np.concatenate([rng.permutation(np.flatnonzero(y == c)) for c in np.unique(y)])
    fold = np.empty(y.size, dtype=int)
    fold[order] = np.arange(y.size) % k
    idx = np.arange(y.size)
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
