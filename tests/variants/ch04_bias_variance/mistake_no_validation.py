# Right numbers on valid input, but none of the ValueErrors the contracts ask for: only the two
# validation cells lose their points, the main and statistics cells keep them.
# expect-lose: bias_variance_mc_validation_tests, polynomial_fit_predict_validation_tests
# %% bias_variance_mc_solution
def bias_variance_mc(fit_predict, true_fn, x_test, n_train, noise_sd, n_datasets, rng):
    x_test = np.asarray(x_test, dtype=float)
    preds = []
    for _ in range(max(int(n_datasets), 0)):
        x_train = rng.uniform(0.0, 1.0, max(int(n_train), 0))
        y_train = true_fn(x_train) + rng.normal(0.0, abs(noise_sd), x_train.size)
        preds.append(np.broadcast_to(np.asarray(fit_predict(x_train, y_train, x_test), dtype=float), x_test.shape))
    preds = np.array(preds).reshape(len(preds), -1)
    f_bar = preds.mean(axis=0) if len(preds) else np.zeros(x_test.size)
    bias2 = float(np.mean((f_bar - true_fn(x_test).ravel()) ** 2)) if x_test.size else 0.0
    variance = float(np.mean(preds.var(axis=0))) if preds.size else 0.0
    noise = float(noise_sd) ** 2
    return {"bias2": bias2, "variance": variance, "noise": noise, "total": bias2 + variance + noise}


# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    def fit_predict(x_train, y_train, x_test):
        poly = np.polynomial.Polynomial.fit(x_train, y_train, deg=max(int(degree), 0))
        return poly(np.asarray(x_test, dtype=float))
    return fit_predict
