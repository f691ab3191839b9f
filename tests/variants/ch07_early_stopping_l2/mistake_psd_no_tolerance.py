# Positive semi-definiteness checked as "no eigenvalue below 0": a rounded zero eigenvalue such as -1e-13, which
# the contract says must be accepted, raises ValueError.
# expect-lose: closed_form_validation_tests, ridge_alpha_validation_tests
# %% closed_form_solution
def gd_closed_form(H, w_star, eta, tau):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError("shapes do not fit")
    if not np.allclose(H, H.T):
        raise ValueError("H must be symmetric")
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    lam, Q = np.linalg.eigh(H)
    if lam.min() < 0 or eta * lam.max() >= 2:
        raise ValueError("need a PSD H and eta * lambda_max < 2")
    return Q @ ((1.0 - (1.0 - eta * lam) ** tau) * (Q.T @ w_star))


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError("shapes do not fit")
    if not np.allclose(H, H.T) or alpha <= 0:
        raise ValueError("need a symmetric H and alpha > 0")
    lam, Q = np.linalg.eigh(H)
    if lam.min() < 0:
        raise ValueError("H must be positive semi-definite")
    return Q @ (lam / (lam + alpha) * (Q.T @ w_star))


def effective_alpha(eta, tau):
    if eta <= 0 or not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("need eta > 0 and a positive integer tau")
    return 1.0 / (eta * tau)
