# Samples the training inputs from the test points instead of from U(0, 1).
# expect-lose: bias_variance_mc_statistics_tests
# %% bias_variance_mc_solution
def bias_variance_mc(fit_predict, true_fn, x_test, n_train, noise_sd, n_datasets, rng):
    x_test = np.asarray(x_test, dtype=float)
    if x_test.ndim != 1 or x_test.size == 0:
        raise ValueError("bad x_test")
    if n_train < 1 or n_datasets < 2 or noise_sd < 0:
        raise ValueError("bad arguments")
    preds = []
    for _ in range(n_datasets):
        x_train = rng.choice(x_test, n_train)
        y_train = true_fn(x_train) + rng.normal(0.0, noise_sd, n_train)
        row = np.asarray(fit_predict(x_train, y_train, x_test), dtype=float)
        if row.shape != x_test.shape:
            raise ValueError("bad shape")
        preds.append(row)
    preds = np.array(preds)
    f_bar = preds.mean(axis=0)
    bias2 = float(np.mean((f_bar - true_fn(x_test)) ** 2))
    variance = float(np.mean(preds.var(axis=0)))
    noise = float(noise_sd) ** 2
    return {"bias2": bias2, "variance": variance, "noise": noise, "total": bias2 + variance + noise}
