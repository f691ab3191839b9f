# What a careful learner writes from the contract alone: one input check shared by every function (it also
# checks symmetry and eigenvalues in run_gradient_descent, which the contract allows), isinstance(tau,
# (int, np.integer)) exactly as the rules suggest, eigh for everything, float() for effective_alpha.
# expect: full
# %% run_gd_solution
def _check_quadratic(H, w_star):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1]:
        raise ValueError("H must be a square 2-D array")
    if w_star.ndim != 1 or w_star.shape[0] != H.shape[0]:
        raise ValueError("w_star must be a 1-D array of length d")
    if not np.allclose(H, H.T):
        raise ValueError("H must be symmetric")
    if np.linalg.eigvalsh(H).min() < -1e-10:
        raise ValueError("H must be positive semi-definite")
    return H, w_star


def run_gradient_descent(H, w_star, eta, tau):
    H, w_star = _check_quadratic(H, w_star)
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)):
        raise ValueError("tau must be an integer")
    if tau < 0:
        raise ValueError("tau must not be negative")
    iterates = np.zeros((tau + 1, len(w_star)))
    w = np.zeros(len(w_star))
    for t in range(1, tau + 1):
        w = w - eta * H @ (w - w_star)
        iterates[t] = w
    return iterates


# %% closed_form_solution
def gd_closed_form(H, w_star, eta, tau):
    H, w_star = _check_quadratic(H, w_star)
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    eigenvalues, Q = np.linalg.eigh(H)
    if eta * eigenvalues.max() >= 2:
        raise ValueError("eta * lambda_max >= 2: gradient descent does not converge")
    w_tilde = Q.T @ w_star
    w_tilde = (1 - (1 - eta * eigenvalues) ** tau) * w_tilde
    return Q @ w_tilde


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    H, w_star = _check_quadratic(H, w_star)
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    eigenvalues, Q = np.linalg.eigh(H)
    return Q @ (eigenvalues / (eigenvalues + alpha) * (Q.T @ w_star))


def effective_alpha(eta, tau):
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("tau must be a positive integer")
    return float(1 / (eta * tau))


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    if lam.ndim != 1:
        raise ValueError("lambdas must be 1-D")
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("tau must be a positive integer")
    if np.any(lam < 0):
        raise ValueError("eigenvalues must be >= 0")
    if np.any(eta * lam >= 2):
        raise ValueError("eta * lambda must be < 2")
    alpha = 1 / (eta * tau)
    early_stopping = 1 - (1 - eta * lam) ** tau
    ridge = lam / (lam + alpha)
    return early_stopping - ridge
