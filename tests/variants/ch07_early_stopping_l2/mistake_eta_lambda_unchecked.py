# eta * lambda >= 2 is not rejected: a diverging step size returns a meaningless trajectory.
# expect-lose: closed_form_validation_tests
# %% closed_form_solution
def gd_closed_form(H, w_star, eta, tau):
    """w_tau = Q diag(1 - (1 - eta*lambda)^tau) Q^T w_star for gradient descent from w_0 = 0."""
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError(f"need H of shape (d, d) and w_star of shape (d,), got {H.shape} and {w_star.shape}")
    if not np.allclose(H, H.T):
        raise ValueError("H must be symmetric")
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if isinstance(tau, bool) or not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError(f"tau must be a non-negative integer, got {tau!r}")
    lam, Q = np.linalg.eigh(H)
    if lam.min() < -1e-10:
        raise ValueError("H must be positive semi-definite")
    if eta * lam.max() > 1e9:
        raise ValueError(f"eta * lambda_max = {eta * lam.max():.3g} >= 2: gradient descent does not converge")
    factor = 1.0 - (1.0 - eta * lam) ** tau
    return Q @ (factor * (Q.T @ w_star))
