# Picks random samples and holds out their groups: big groups are chosen far more often than small ones.
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
    chosen = []
    for i in rng.permutation(labels.size):
        if labels[i] not in chosen:
            chosen.append(labels[i])
        if len(chosen) == k:
            break
    in_test = np.isin(labels, chosen)
    return np.flatnonzero(~in_test), np.flatnonzero(in_test)
