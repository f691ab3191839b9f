# tau checked with isinstance(tau, int): a NumPy integer such as np.int64(40), which the contract says must be
# accepted, raises ValueError. Only the validation cells (which check the accepted types) are lost.
# expect-lose: run_gd_validation_tests, closed_form_validation_tests, ridge_alpha_validation_tests, gap_validation_tests
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError("shapes do not fit")
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, int) or tau < 0:
        raise ValueError("tau must be a non-negative int")
    path = np.zeros((tau + 1, w_star.size))
    for t in range(tau):
        path[t + 1] = path[t] - eta * H @ (path[t] - w_star)
    return path


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
    if not isinstance(tau, int) or tau < 0:
        raise ValueError("tau must be a non-negative int")
    lam, Q = np.linalg.eigh(H)
    if lam.min() < -1e-10 or eta * lam.max() >= 2:
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
    if lam.min() < -1e-10:
        raise ValueError("H must be positive semi-definite")
    return Q @ (lam / (lam + alpha) * (Q.T @ w_star))


def effective_alpha(eta, tau):
    if eta <= 0 or not isinstance(tau, int) or tau < 1:
        raise ValueError("need eta > 0 and a positive int tau")
    return 1.0 / (eta * tau)


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    if lam.ndim != 1 or eta <= 0 or not isinstance(tau, int) or tau < 1:
        raise ValueError("bad arguments")
    if np.any(lam < 0) or np.any(eta * lam >= 2):
        raise ValueError("need 0 <= eta * lambda < 2")
    return (1.0 - (1.0 - eta * lam) ** tau) - lam / (lam + 1.0 / (eta * tau))
