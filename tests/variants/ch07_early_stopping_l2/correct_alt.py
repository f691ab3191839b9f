# A second correct solution, written differently: matrix powers instead of an eigendecomposition for
# the trajectory, a linear solve for ridge, an iterate list, explicit integer checks.
# expect: full
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.array(H, dtype=np.float64)
    target = np.array(w_star, dtype=np.float64)
    if len(H.shape) != 2 or H.shape != (target.size, target.size) or target.ndim != 1:
        raise ValueError("shapes do not fit")
    if not eta > 0:
        raise ValueError("eta must be positive")
    if type(tau) is bool or int(tau) != tau or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    iterates = [np.zeros_like(target)]
    for _ in range(int(tau)):
        current = iterates[-1]
        iterates.append(current + eta * (H @ (target - current)))
    return np.vstack(iterates)


# %% closed_form_solution
def _check_quadratic(H, w_star):
    H = np.array(H, dtype=np.float64)
    w_star = np.array(w_star, dtype=np.float64)
    if H.ndim != 2 or H.shape != (w_star.size, w_star.size) or w_star.ndim != 1:
        raise ValueError("shapes do not fit")
    if np.abs(H - H.T).max() > 1e-8 * max(1.0, np.abs(H).max()):
        raise ValueError("H must be symmetric")
    spectrum = np.linalg.eigvalsh(H)
    if spectrum[0] < -1e-10:
        raise ValueError("H has a negative eigenvalue")
    return H, w_star, spectrum


def gd_closed_form(H, w_star, eta, tau):
    H, w_star, spectrum = _check_quadratic(H, w_star)
    if not eta > 0 or not eta * spectrum[-1] < 2:
        raise ValueError("need eta > 0 and eta * lambda_max < 2")
    if type(tau) is bool or int(tau) != tau or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    step = np.eye(len(w_star)) - eta * H
    return (np.eye(len(w_star)) - np.linalg.matrix_power(step, int(tau))) @ w_star


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    H, w_star, _ = _check_quadratic(H, w_star)
    if not alpha > 0:
        raise ValueError("alpha must be positive")
    return np.linalg.solve(H + alpha * np.eye(len(w_star)), H @ w_star)


def effective_alpha(eta, tau):
    if not eta > 0 or type(tau) is bool or int(tau) != tau or tau <= 0:
        raise ValueError("need eta > 0 and a positive integer tau")
    return float(1 / eta / tau)


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.array(lambdas, dtype=np.float64)
    if lam.ndim != 1 or not eta > 0 or type(tau) is bool or int(tau) != tau or tau < 1:
        raise ValueError("bad arguments")
    if (lam < 0).any() or (eta * lam >= 2).any():
        raise ValueError("need 0 <= eta * lambda < 2")
    es = 1 - np.power(1 - eta * lam, tau)
    ridge = eta * tau * lam / (eta * tau * lam + 1)
    return es - ridge
