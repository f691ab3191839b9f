# A shuffled plain k-fold that ignores the labels: balanced sizes, but the classes are not stratified.
# expect-lose: stratified_kfold_tests
# %% stratified_kfold_solution
def stratified_kfold_indices(y, k, rng):
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0 or not isinstance(k, (int, np.integer)) or not 2 <= k <= y.size:
        raise ValueError("bad input")
    blocks = np.array_split(rng.permutation(y.size), k)
    return [(np.concatenate(blocks[:i] + blocks[i + 1:]), blocks[i]) for i in range(k)]
