# Fits degree + 1 (degree + 2 coefficients) instead of degree.
# expect-lose: polynomial_fit_predict_tests
# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    if degree < 0:
        raise ValueError("negative degree")

    def fit_predict(x_train, y_train, x_test):
        coefficients = np.polyfit(x_train, y_train, degree + 1)
        return np.polyval(coefficients, np.asarray(x_test, dtype=float))
    return fit_predict
