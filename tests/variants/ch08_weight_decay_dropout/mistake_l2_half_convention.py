# The other textbook convention, P = lam/2 * sum(W**2) with gradient lam * W: not the penalty of the contract.
# expect-lose: l2_penalty_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    w = np.asarray(weights, dtype=float)
    return float(0.5 * lam * np.sum(w**2)), lam * w
