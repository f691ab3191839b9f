# The step taken in place on w (w *= ...; w -= ...): the caller's weights change and the same array is returned.
# expect-lose: sgd_step_tests
# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    if w.shape != grad_data.shape or lr <= 0 or lam < 0:
        raise ValueError("bad input")
    w *= 1.0 - 2.0 * lr * lam
    w -= lr * grad_data
    return w
