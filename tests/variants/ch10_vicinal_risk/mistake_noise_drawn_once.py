# One noise matrix drawn before the loop and reused for every draw: averaging over draws does nothing.
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
    noise = rng.normal(0.0, sigma, size=X.shape)
    return float(np.mean([np.mean(((X + noise) @ w + b - y) ** 2) for _ in range(draws)]))
