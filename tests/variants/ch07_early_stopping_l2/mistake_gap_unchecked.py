# shrinkage_gap does not reject eta * lambda >= 2.
# expect-lose: gap_validation_tests
# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    """Early-stopping factor minus ridge factor at alpha = 1/(eta tau), per eigenvalue."""
    lam = np.asarray(lambdas, dtype=float)
    if lam.ndim != 1:
        raise ValueError("lambdas must be a 1-D array")
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if isinstance(tau, bool) or not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError(f"tau must be a positive integer, got {tau!r}")
    if np.any(lam < 0):
        raise ValueError("need 0 <= eta * lambda < 2 for every eigenvalue")
    alpha = 1.0 / (eta * tau)
    return (1.0 - (1.0 - eta * lam) ** tau) - lam / (lam + alpha)
