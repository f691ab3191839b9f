# One noise vector per draw, shared by every row of X: the rows are not perturbed independently, so the
# estimate has the right mean but a much larger spread than the contract's independent noise per entry.
# expect-lose: noise_injection_statistics_tests
# %% noise_injection_solution
def _check(w, X, y, sigma):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float)
    if sigma < 0 or X.ndim != 2 or w.shape != (X.shape[1],) or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    return w, X, y


def noise_penalty_mse(w, b, X, y, sigma):
    w, X, y = _check(w, X, y, sigma)
    return float(np.mean((X @ w + b - y) ** 2) + sigma**2 * w @ w)


def noisy_mse(w, b, X, y, sigma, draws, rng):
    w, X, y = _check(w, X, y, sigma)
    if draws < 1:
        raise ValueError("draws < 1")
    total = 0.0
    for _ in range(draws):
        total += np.mean(((X + rng.normal(0.0, sigma, size=X.shape[1])) @ w + b - y) ** 2)
    return float(total / draws)
