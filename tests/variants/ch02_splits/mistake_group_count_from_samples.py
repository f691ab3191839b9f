# Counts test groups from the number of samples instead of the number of groups, then takes that many groups.
# expect-lose: group_split_tests, group_split_statistics_tests
# %% group_split_solution
def group_split(groups, test_fraction, rng):
    labels = np.asarray(groups)
    if labels.ndim != 1 or labels.size == 0 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    names = np.unique(labels)
    if names.size < 2:
        raise ValueError("one group")
    k = min(max(int(np.floor(test_fraction * labels.size + 1e-9)), 1), names.size - 1)
    chosen = rng.choice(names, size=k, replace=False)
    in_test = np.isin(labels, chosen)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
