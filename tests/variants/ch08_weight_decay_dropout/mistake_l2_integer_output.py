# No conversion to float: integer weights give an integer gradient array and a NumPy integer penalty.
# expect-lose: l2_penalty_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    w = np.asarray(weights)
    return lam * np.sum(w**2), 2 * lam * w
