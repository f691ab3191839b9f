# What a careful learner writes from the contract alone: np.asarray(..., dtype=float) as the hint says, float()
# for the penalty, the weight-decay form with the factor 1 - 2 lr lam, a stored boolean mask and a training flag,
# rng.random(x.shape) >= p as the contract suggests, and the questions computed in Python.
# expect: full
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    if lam < 0:
        raise ValueError("lam must not be negative")
    W = np.asarray(weights, dtype=float)
    penalty = float(lam * np.sum(W**2))
    gradient = 2 * lam * W
    return penalty, gradient


# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    if w.shape != grad_data.shape:
        raise ValueError("w and grad_data must have the same shape")
    if lr <= 0:
        raise ValueError("lr must be positive")
    if lam < 0:
        raise ValueError("lam must not be negative")
    decay = 1 - 2 * lr * lam
    return decay * w - lr * grad_data


# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if p < 0 or p >= 1:
            raise ValueError("p must be in [0, 1)")
        self.p = p
        self.rng = rng
        self.mask = None
        self.training = True

    def forward(self, x, training=True):
        self.training = training
        if not training:
            return x.astype(float)
        self.mask = self.rng.random(x.shape) >= self.p
        return x * self.mask / (1 - self.p)

    def backward(self, grad):
        if not self.training:
            return grad.astype(float)
        return grad * self.mask / (1 - self.p)


# %% numeric_answers
q1_shrink_factor = (1 - 2 * 0.05 * 0.02) ** 200
q2_active_units = 256 * (1 - 0.2)
q3_weight_decay = 2 * 1e-4
