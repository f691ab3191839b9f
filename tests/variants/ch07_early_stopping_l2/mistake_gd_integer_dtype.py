# The iterate array takes the dtype of w_star: for an integer w_star every iterate is truncated to an integer.
# expect-lose: run_gd_tests
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.asarray(H)
    w_star = np.asarray(w_star)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError("shapes do not fit")
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    path = np.zeros((tau + 1, w_star.size), dtype=w_star.dtype)
    for t in range(tau):
        path[t + 1] = path[t] - eta * H @ (path[t] - w_star)
    return path
