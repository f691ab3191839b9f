# The eta * lambda_max >= 2 check of Exercise 2 copied into run_gradient_descent, whose contract says that large
# steps are valid and must give the growing iterates.
# expect-lose: run_gd_tests
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError("shapes do not fit")
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    if eta * np.linalg.eigvalsh(H).max() >= 2:
        raise ValueError("gradient descent diverges")
    path = np.zeros((tau + 1, w_star.size))
    for t in range(tau):
        path[t + 1] = path[t] - eta * H @ (path[t] - w_star)
    return path
