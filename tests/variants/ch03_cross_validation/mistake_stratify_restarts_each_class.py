# Deals every class from fold 0 again: each class is balanced, but the first folds pile up the extras
# of every class and the fold sizes differ by more than one.
# expect-lose: stratified_kfold_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad input")
    fold = np.empty(y.size, dtype=int)
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        fold[members] = np.arange(members.size) % k
    idx = np.arange(y.size)
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
