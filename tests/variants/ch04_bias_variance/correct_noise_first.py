# Another correct solution: all noise drawn first and all inputs afterwards (a different use of the
# stream), predictions collected in a list, the variance as mean of squares minus square of the mean,
# and a QR-based least-squares fit on a centred, scaled input.
# expect: full
# %% bias_variance_mc_solution
def bias_variance_mc(fit_predict, true_fn, x_test, n_train, noise_sd, n_datasets, rng):
    grid = np.array(x_test, dtype=float)
    if grid.ndim != 1 or grid.size < 1 or n_train < 1 or n_datasets < 2 or noise_sd < 0:
        raise ValueError("invalid arguments")
    noise = noise_sd * rng.standard_normal((n_datasets, n_train))
    inputs = rng.random((n_datasets, n_train))
    rows = []
    for xs, eps in zip(inputs, noise, strict=True):
        out = np.asarray(fit_predict(xs, true_fn(xs) + eps, grid), dtype=float)
        if out.shape != grid.shape:
            raise ValueError(f"fit_predict gave shape {out.shape}, expected {grid.shape}")
        rows.append(out)
    P = np.vstack(rows)
    mean = P.mean(axis=0)
    variance = float(np.mean(np.mean(P ** 2, axis=0) - mean ** 2))
    bias2 = float(np.mean((mean - true_fn(grid)) ** 2))
    noise_term = float(noise_sd * noise_sd)
    return dict(bias2=bias2, variance=variance, noise=noise_term, total=bias2 + variance + noise_term)


# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    if not degree >= 0:
        raise ValueError("degree < 0")
    degree = int(degree)

    def fit_predict(x_train, y_train, x_test):
        centre, spread = np.mean(x_train), np.ptp(x_train) / 2 or 1.0
        design = np.vander((x_train - centre) / spread, degree + 1)
        q, r = np.linalg.qr(design)
        coefficients = np.linalg.solve(r, q.T @ y_train)
        return np.vander((np.asarray(x_test, dtype=float) - centre) / spread, degree + 1) @ coefficients

    return fit_predict
