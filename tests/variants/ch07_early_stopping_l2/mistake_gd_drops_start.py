# The iterates are returned without the starting point w_0, shape (tau, d).
# expect-lose: run_gd_tests
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    """Iterates w_0 = 0, w_1, ..., w_tau of gradient descent on the quadratic with Hessian H and minimum w_star."""
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
        raise ValueError(f"need H of shape (d, d) and w_star of shape (d,), got {H.shape} and {w_star.shape}")
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if isinstance(tau, bool) or not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError(f"tau must be a non-negative integer, got {tau!r}")
    path = np.zeros((tau + 1, w_star.size))
    for t in range(tau):
        path[t + 1] = path[t] - eta * H @ (path[t] - w_star)
    return path[1:]
