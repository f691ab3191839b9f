# Stratifies only the samples labelled 1 and deals everything else out as one pool: other classes are ignored.
# expect-lose: stratified_kfold_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad input")
    fold = np.empty(y.size, dtype=int)
    ones = y.astype(str) == "1"
    first = rng.permutation(np.flatnonzero(ones))
    fold[first] = np.arange(first.size) % k
    rest = rng.permutation(np.flatnonzero(~ones))
    fold[rest] = np.repeat(np.arange(k), -(-rest.size // k))[:rest.size]
    idx = np.arange(y.size)
    return [(idx[fold != f], idx[fold == f]) for f in range(k)]
