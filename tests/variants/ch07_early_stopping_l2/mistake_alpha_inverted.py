# The effective alpha written as eta * tau: more steps would mean more regularization.
# expect-lose: ridge_alpha_tests
# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    """Minimiser of the quadratic plus alpha/2 ||w||^2: Q diag(lambda / (lambda + alpha)) Q^T w_star."""
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError(f"need H of shape (d, d) and w_star of shape (d,), got {H.shape} and {w_star.shape}")
    if not np.allclose(H, H.T):
        raise ValueError("H must be symmetric")
    if alpha <= 0:
        raise ValueError(f"alpha must be positive, got {alpha}")
    lam, Q = np.linalg.eigh(H)
    if lam.min() < -1e-10:
        raise ValueError("H must be positive semi-definite")
    return Q @ (lam / (lam + alpha) * (Q.T @ w_star))


def effective_alpha(eta, tau):
    """The L2 strength alpha = 1 / (eta * tau) that early stopping after tau steps approximates."""
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if isinstance(tau, bool) or not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError(f"tau must be a positive integer, got {tau!r}")
    return float(eta * tau)
