# Passes the variance sigma**2 as the scale of rng.normal, which takes the standard deviation.
# expect-lose: noise_injection_statistics_tests
# %% noise_injection_solution
def noise_penalty_mse(w, b, X, y, sigma):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float)
    if sigma < 0 or X.ndim != 2 or w.shape != (X.shape[1],) or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    return float(np.mean((X @ w + b - y) ** 2) + sigma**2 * w @ w)


def noisy_mse(w, b, X, y, sigma, draws, rng):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float)
    if sigma < 0 or draws < 1 or X.ndim != 2 or w.shape != (X.shape[1],) or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    return float(np.mean([np.mean(((X + rng.normal(0, sigma**2, X.shape)) @ w + b - y) ** 2)
                          for _ in range(draws)]))
