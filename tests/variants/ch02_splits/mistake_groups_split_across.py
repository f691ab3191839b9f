# Splits the samples, not the groups: one patient's scans end up on both sides.
# expect-lose: group_split_tests, group_split_statistics_tests
# %% group_split_solution
def group_split(groups, test_fraction, rng):
    groups = np.asarray(groups)
    if groups.ndim != 1 or groups.size == 0 or not 0 < test_fraction < 1 or np.unique(groups).size < 2:
        raise ValueError("bad input")
    order = rng.permutation(groups.size)
    n_test = max(1, int(np.floor(test_fraction * groups.size)))
    return order[n_test:], order[:n_test]
