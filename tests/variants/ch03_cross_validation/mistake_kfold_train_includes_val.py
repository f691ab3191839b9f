# train_idx is the whole order, so every validation sample is also trained on.
# expect-lose: kfold_indices_tests
# %% kfold_indices_solution
def kfold_indices(n, k, rng=None):
    if not isinstance(n, (int, np.integer)) or not isinstance(k, (int, np.integer)) or k < 2 or k > n:
        raise ValueError("bad n or k")
    order = np.arange(n) if rng is None else rng.permutation(n)
    return [(order.copy(), block) for block in np.array_split(order, k)]
