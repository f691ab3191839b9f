# p read as the probability of KEEPING a unit, in the layer and in question 2.
# expect-lose: dropout_tests, dropout_statistics_tests, q2_active_units_tests
# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if not 0 <= p < 1:
            raise ValueError("bad p")
        self.p, self.rng, self.mask = p, rng, None

    def forward(self, x, training=True):
        x = np.asarray(x, dtype=float)
        if not training:
            self.mask = np.ones_like(x)
            return x
        keep = self.p if self.p > 0 else 1.0
        self.mask = (self.rng.random(x.shape) < keep) / keep
        return x * self.mask

    def backward(self, grad):
        return grad * self.mask


# %% numeric_answers
q1_shrink_factor = (1 - 2 * 0.05 * 0.02) ** 200
q2_active_units = 256 * 0.2
q3_weight_decay = 2 * 1e-4
