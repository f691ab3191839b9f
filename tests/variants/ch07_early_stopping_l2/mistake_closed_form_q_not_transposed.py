# Rotating into the eigenbasis with Q instead of Q^T: Q @ (factor * (Q @ w_star)).
# expect-lose: closed_form_tests
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
    if lam.min() < -1e-10 or eta * lam.max() >= 2:
        raise ValueError("need a PSD H and eta * lambda_max < 2")
    return Q @ ((1.0 - (1.0 - eta * lam) ** tau) * (Q @ w_star))
