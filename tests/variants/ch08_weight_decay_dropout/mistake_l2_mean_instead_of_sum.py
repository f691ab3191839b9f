# The penalty averaged over the weights (np.mean) instead of summed, with the matching gradient 2 lam W / n.
# expect-lose: l2_penalty_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    w = np.asarray(weights, dtype=float)
    return float(lam * np.mean(w**2)), 2.0 * lam * w / max(w.size, 1)
