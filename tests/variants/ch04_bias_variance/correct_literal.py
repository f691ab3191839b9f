# What a careful learner writes from the contracts alone: a loop over training sets, the three terms
# written out as in the formulas, np.asarray on fit_predict's result, np.polyfit / np.polyval.
# expect: full
# %% bias_variance_mc_solution
def bias_variance_mc(fit_predict, true_fn, x_test, n_train, noise_sd, n_datasets, rng):
    if x_test.ndim != 1 or len(x_test) == 0:
        raise ValueError("x_test must be a non-empty 1-D array")
    if n_train < 1:
        raise ValueError("n_train must be at least 1")
    if n_datasets < 2:
        raise ValueError("n_datasets must be at least 2")
    if noise_sd < 0:
        raise ValueError("noise_sd must not be negative")
    m = len(x_test)
    P = np.zeros((n_datasets, m))
    for k in range(n_datasets):
        x_train = rng.uniform(0, 1, size=n_train)
        noise = rng.normal(0, noise_sd, size=n_train)
        y_train = true_fn(x_train) + noise
        predictions = np.asarray(fit_predict(x_train, y_train, x_test))
        if predictions.shape != (m,):
            raise ValueError("fit_predict returned the wrong shape")
        P[k, :] = predictions
    f_bar = np.mean(P, axis=0)
    bias2 = np.sum((f_bar - true_fn(x_test)) ** 2) / m
    variance = np.sum(np.sum((P - f_bar) ** 2, axis=0) / n_datasets) / m
    noise = noise_sd ** 2
    return {"bias2": float(bias2), "variance": float(variance), "noise": float(noise),
            "total": float(bias2 + variance + noise)}


# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    if degree < 0:
        raise ValueError("degree must be non-negative")

    def fit_predict(x_train, y_train, x_test):
        coefficients = np.polyfit(x_train, y_train, degree)
        return np.polyval(coefficients, x_test).astype(float)

    return fit_predict


# %% numeric_answers
q1_expected_error = 0.17
