# Deals each class out in index order and only shuffles which fold is which: every sample still visits
# every fold over the seeds, but neighbours of a class are always apart (not random within the class).
# expect-lose: stratified_kfold_statistics_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad input")
    order = np.concatenate([np.flatnonzero(y == c) for c in np.unique(y)])
    fold = np.empty(y.size, dtype=int)
    fold[order] = np.arange(y.size) % k
    relabel = rng.permutation(k)
    fold = relabel[fold]
    idx = np.arange(y.size)
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
