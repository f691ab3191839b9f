# The penalty gradient written as lam * W.
# expect-lose: l2_penalty_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    w = np.asarray(weights, dtype=float)
    return float(lam * np.sum(w ** 2)), lam * w
