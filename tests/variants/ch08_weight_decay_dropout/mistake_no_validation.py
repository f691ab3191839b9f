# Every value right, every ValueError forgotten: only the three validation cells are lost, the main and
# statistics cells keep their points.
# expect-lose: l2_penalty_validation_tests, sgd_step_validation_tests, dropout_validation_tests
# %% l2_penalty_solution
def l2_penalty(weights, lam):
    w = np.asarray(weights, dtype=float)
    return float(lam * np.sum(w**2)), 2.0 * lam * w


# %% sgd_step_solution
def sgd_step_weight_decay(w, grad_data, lr, lam):
    return (1.0 - 2.0 * lr * lam) * np.asarray(w, dtype=float) - lr * np.asarray(grad_data, dtype=float)


# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        self.p, self.rng, self.scale = p, rng, None

    def forward(self, x, training=True):
        x = np.array(x, dtype=float)
        if not training:
            self.scale = None
            return x
        self.scale = (self.rng.random(x.shape) >= self.p) / (1.0 - self.p)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.scale is None else grad * self.scale
