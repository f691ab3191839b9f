# The decay applied after the data step, (1 - 2 lr lam) * (w - lr grad): it also shrinks the data step.
# expect-lose: sgd_step_tests
# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    w = np.asarray(w, dtype=float)
    grad_data = np.asarray(grad_data, dtype=float)
    if w.shape != grad_data.shape or lr <= 0 or lam < 0:
        raise ValueError("bad input")
    return (1.0 - 2.0 * lr * lam) * (w - lr * grad_data)
