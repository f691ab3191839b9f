# Fits a second model on the test data to compute the test error: the test set shapes its own score.
# expect-lose: train_test_mse_tests
# %% train_test_mse_solution
def train_test_mse(x_train, y_train, x_test, y_test, degree, lam=0.0):
    w_train = fit_polynomial(x_train, y_train, degree, lam)
    w_test = fit_polynomial(x_test, y_test, degree, lam)
    train = mse(y_train, polynomial_features(x_train, degree) @ w_train)
    test = mse(y_test, polynomial_features(x_test, degree) @ w_test)
    return train, test, test - train
