# A second correct solution: vectorised sampling of all training sets up front, variance via np.var,
# a design-matrix least-squares fit in the polynomial procedure.
# expect: full
# %% bias_variance_mc_solution
def bias_variance_mc(fit_predict, true_fn, x_test, n_train, noise_sd, n_datasets, rng):
    grid = np.array(x_test, dtype=np.float64)
    if len(grid.shape) != 1 or len(grid) == 0:
        raise ValueError("x_test must be a non-empty 1-D array")
    if n_train < 1:
        raise ValueError("n_train must be at least 1")
    if n_datasets < 2:
        raise ValueError("n_datasets must be at least 2")
    if noise_sd < 0:
        raise ValueError("noise_sd must be non-negative")
    inputs = rng.uniform(size=(n_datasets, n_train))
    targets = true_fn(inputs) + rng.normal(0.0, noise_sd, size=(n_datasets, n_train)) if noise_sd > 0 \
        else true_fn(inputs)
    rows = []
    for xs, ys in zip(inputs, targets, strict=True):
        out = np.array(fit_predict(xs, ys, grid), dtype=np.float64)
        if out.shape != grid.shape:
            raise ValueError("fit_predict returned the wrong shape")
        rows.append(out)
    table = np.stack(rows)
    centre = table.mean(axis=0)
    parts = {
        "bias2": float(((centre - true_fn(grid)) ** 2).mean()),
        "variance": float(table.var(axis=0, ddof=0).mean()),
        "noise": float(noise_sd * noise_sd),
    }
    parts["total"] = parts["bias2"] + parts["variance"] + parts["noise"]
    return parts


# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    if degree < 0:
        raise ValueError("negative degree")

    def fit_predict(x_train, y_train, x_test):
        design = np.vander(np.asarray(x_train, dtype=float), degree + 1, increasing=True)
        coef = np.linalg.lstsq(design, np.asarray(y_train, dtype=float), rcond=None)[0]
        return np.vander(np.asarray(x_test, dtype=float), degree + 1, increasing=True) @ coef
    return fit_predict
