# Deals each class out in index order without shuffling: the folds never change with the seed.
# expect-lose: stratified_kfold_statistics_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad input")
    fold = np.empty(y.size, dtype=int)
    start = 0
    for c in np.unique(y):
        members = np.flatnonzero(y == c)
        fold[members] = (start + np.arange(members.size)) % k
        start += members.size
    idx = np.arange(y.size)
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
