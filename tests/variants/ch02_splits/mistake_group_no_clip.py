# Forgets to clip the number of test groups: a small test_fraction holds out no group at all.
# expect-lose: group_split_tests
# %% group_split_solution
def group_split(groups, test_fraction, rng):
    labels = np.asarray(groups)
    if labels.ndim != 1 or labels.size == 0 or not 0 < test_fraction < 1:
        raise ValueError("bad input")
    names = np.unique(labels)
    if names.size < 2:
        raise ValueError("one group")
    k = int(np.floor(test_fraction * names.size + 1e-9))
    chosen = rng.choice(names, size=k, replace=False)
    in_test = np.isin(labels, chosen)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
