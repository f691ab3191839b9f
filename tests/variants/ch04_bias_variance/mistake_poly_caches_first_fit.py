# Fits on the first call only and reuses those coefficients on every later call.
# expect-lose: polynomial_fit_predict_tests
# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    if degree < 0:
        raise ValueError("negative degree")

    cache = {}

    def fit_predict(x_train, y_train, x_test):
        if "coefficients" not in cache:
            cache["coefficients"] = np.polyfit(x_train, y_train, degree)
        coefficients = cache["coefficients"]
        return np.polyval(coefficients, np.asarray(x_test, dtype=float))
    return fit_predict
