# The ridge factor written as alpha / (lambda + alpha), the part shrunk away, not lambda / (lambda + alpha).
# expect-lose: gap_tests
# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    if lam.ndim != 1 or eta <= 0 or not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("bad arguments")
    if np.any(lam < 0) or np.any(eta * lam >= 2):
        raise ValueError("need 0 <= eta * lambda < 2")
    alpha = 1.0 / (eta * tau)
    return (1.0 - (1.0 - eta * lam) ** tau) - alpha / (lam + alpha)
