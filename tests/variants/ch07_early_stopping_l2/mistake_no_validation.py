# Every value right, every ValueError forgotten (also eta * lambda >= 2): only the validation cells are lost,
# the main cells keep their points.
# expect-lose: run_gd_validation_tests, closed_form_validation_tests, ridge_alpha_validation_tests, gap_validation_tests
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    path = np.zeros((int(tau) + 1, len(w_star)))
    for t in range(int(tau)):
        path[t + 1] = path[t] - eta * H @ (path[t] - w_star)
    return path


# %% closed_form_solution
def gd_closed_form(H, w_star, eta, tau):
    lam, Q = np.linalg.eigh(np.asarray(H, dtype=float))
    return Q @ ((1 - (1 - eta * lam) ** int(tau)) * (Q.T @ np.asarray(w_star, dtype=float)))


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    lam, Q = np.linalg.eigh(np.asarray(H, dtype=float))
    return Q @ (lam / (lam + alpha) * (Q.T @ np.asarray(w_star, dtype=float)))


def effective_alpha(eta, tau):
    return 1.0 / (eta * tau)


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    return (1 - (1 - eta * lam) ** tau) - lam / (lam + 1 / (eta * tau))
