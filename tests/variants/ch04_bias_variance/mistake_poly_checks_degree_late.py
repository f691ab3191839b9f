# Checks the degree inside fit_predict, not when polynomial_fit_predict is called.
# expect-lose: polynomial_fit_predict_validation_tests
# %% polynomial_fit_predict_solution
def polynomial_fit_predict(degree):
    def fit_predict(x_train, y_train, x_test):
        if degree < 0:
            raise ValueError("negative degree")
        coefficients = np.polyfit(x_train, y_train, degree)
        return np.polyval(coefficients, np.asarray(x_test, dtype=float))
    return fit_predict
