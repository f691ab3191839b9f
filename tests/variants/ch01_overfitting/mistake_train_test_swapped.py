# Returns (test_mse, train_mse, gap): the first two entries in the wrong order.
# expect-lose: train_test_mse_tests
# %% train_test_mse_solution
def train_test_mse(x_train, y_train, x_test, y_test, degree, lam=0.0):
    w = fit_polynomial(x_train, y_train, degree, lam)
    train = mse(y_train, polynomial_features(x_train, degree) @ w)
    test = mse(y_test, polynomial_features(x_test, degree) @ w)
    return test, train, test - train
