# Adds the noise into the caller's X (X += noise): the training data drifts with every draw.
# expect-lose: noise_injection_tests
# %% noise_injection_solution
def noise_penalty_mse(w, b, X, y, sigma):
    w, X, y = np.asarray(w, float), np.asarray(X, float), np.asarray(y, float)
    if sigma < 0 or X.ndim != 2 or w.shape != (X.shape[1],) or y.shape != (X.shape[0],):
        raise ValueError("bad input")
    return float(np.mean((X @ w + b - y) ** 2) + sigma**2 * w @ w)


def noisy_mse(w, b, X, y, sigma, draws, rng):
    if sigma < 0 or draws < 1 or np.ndim(X) != 2 or np.shape(w) != (np.shape(X)[1],) or np.shape(y) != (len(X),):
        raise ValueError("bad input")
    X = np.asarray(X)
    if X.dtype != float:
        X = X.astype(float)
    total = 0.0
    for _ in range(draws):
        noise = rng.normal(0.0, sigma, size=X.shape)
        X += noise
        total += np.mean((X @ w + b - y) ** 2)
        X -= noise
    return float(total / draws)
