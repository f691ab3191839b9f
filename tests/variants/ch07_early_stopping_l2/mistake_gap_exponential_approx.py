# The early-stopping factor taken from the chapter's approximation 1 - exp(-eta lambda tau) instead of the exact
# 1 - (1 - eta lambda)^tau that the contract asks for.
# expect-lose: gap_tests
# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    if lam.ndim != 1 or eta <= 0 or not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("bad arguments")
    if np.any(lam < 0) or np.any(eta * lam >= 2):
        raise ValueError("need 0 <= eta * lambda < 2")
    return (1.0 - np.exp(-eta * lam * tau)) - lam / (lam + 1.0 / (eta * tau))
