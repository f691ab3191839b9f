# Decay factor 1 - lr*lam (the factor 2 of the penalty gradient forgotten), also in the questions.
# expect-lose: sgd_step_tests, q1_shrink_tests, q3_weight_decay_tests
# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    w = np.asarray(w, dtype=float)
    grad_data = np.asarray(grad_data, dtype=float)
    if w.shape != grad_data.shape or lr <= 0 or lam < 0:
        raise ValueError("bad input")
    return (1.0 - lr * lam) * w - lr * grad_data


# %% numeric_answers
q1_shrink_factor = (1 - 0.05 * 0.02) ** 200
q2_active_units = 204.8
q3_weight_decay = 1e-4
