# The gradient computed in place: np.asarray returns the caller's float array itself, so the weights are overwritten.
# expect-lose: l2_penalty_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    w = np.asarray(weights, dtype=float)
    penalty = float(lam * np.sum(w**2))
    w *= 2.0 * lam
    return penalty, w
