# Always holds out the first groups in sorted order: no randomness, the same patients are always tested.
# expect-lose: group_split_statistics_tests
# %% group_split_solution
def group_split(groups, test_fraction, rng):
    labels = np.asarray(groups)
    if labels.ndim != 1 or labels.size == 0 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    names = np.unique(labels)
    if names.size < 2:
        raise ValueError("one group")
    k = min(max(int(np.floor(test_fraction * names.size + 1e-9)), 1), names.size - 1)
    in_test = np.isin(labels, names[:k])
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
