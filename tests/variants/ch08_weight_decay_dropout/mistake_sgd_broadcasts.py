# Shapes compared by whether they broadcast instead of being equal: (3,) with (3, 1) is silently accepted.
# expect-lose: sgd_step_validation_tests
# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    w = np.asarray(w, dtype=float)
    grad_data = np.asarray(grad_data, dtype=float)
    try:
        np.broadcast_shapes(w.shape, grad_data.shape)
    except ValueError:
        raise ValueError("shapes do not fit") from None
    if lr <= 0 or lam < 0:
        raise ValueError("bad input")
    return (1.0 - 2.0 * lr * lam) * w - lr * grad_data
