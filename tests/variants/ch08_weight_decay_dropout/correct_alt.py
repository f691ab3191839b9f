# A second correct solution: explicit loops over flat views, binomial masks, a stored boolean mask.
# expect: full
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must be non-negative")
    w = np.array(weights, dtype=np.float64)
    total = 0.0
    for value in w.ravel():
        total += value * value
    return lam * total, lam * (w + w)


# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    w = np.array(w, dtype=np.float64)
    g = np.array(grad_data, dtype=np.float64)
    if w.shape != g.shape or not lr > 0 or lam < 0:
        raise ValueError("need equal shapes, lr > 0 and lam >= 0")
    full_gradient = g + 2 * lam * w
    return w - lr * full_gradient


# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if p < 0 or p >= 1:
            raise ValueError("p is a drop probability in [0, 1)")
        self.p, self.rng, self.mask, self.training = p, rng, None, False

    def forward(self, x, training=True):
        self.training = training
        x = np.array(x, dtype=np.float64)
        if not training:
            return x
        self.mask = self.rng.binomial(1, 1 - self.p, size=x.shape).astype(bool)
        return np.where(self.mask, x / (1 - self.p), 0.0)

    def backward(self, grad):
        grad = np.array(grad, dtype=np.float64)
        if not self.training:
            return grad
        return np.where(self.mask, grad / (1 - self.p), 0.0)


# %% numeric_answers
q1_shrink_factor = 0.998 ** 200
q2_active_units = 204.8
q3_weight_decay = 0.0002
