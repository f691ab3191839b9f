# Classes with fewer than k members are not dealt out: all their samples go to the first fold.
# expect-lose: stratified_kfold_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad input")
    fold = np.empty(y.size, dtype=int)
    position = 0
    for c in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == c))
        if members.size < k:
            fold[members] = 0
            continue
        fold[members] = (position + np.arange(members.size)) % k
        position += members.size
    idx = np.arange(y.size)
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
