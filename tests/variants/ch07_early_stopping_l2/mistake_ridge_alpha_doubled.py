# The penalty alpha/2 ||w||^2 read as alpha ||w||^2: every component scaled by lambda / (lambda + 2 alpha).
# expect-lose: ridge_alpha_tests
# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError("shapes do not fit")
    if not np.allclose(H, H.T) or alpha <= 0:
        raise ValueError("need a symmetric H and alpha > 0")
    lam, Q = np.linalg.eigh(H)
    if lam.min() < -1e-10:
        raise ValueError("H must be positive semi-definite")
    return Q @ (lam / (lam + 2 * alpha) * (Q.T @ w_star))


def effective_alpha(eta, tau):
    if eta <= 0 or not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("need eta > 0 and a positive integer tau")
    return 1.0 / (eta * tau)
