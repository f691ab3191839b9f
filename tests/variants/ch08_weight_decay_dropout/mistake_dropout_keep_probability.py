# p read as the probability of KEEPING a unit.
# expect-lose: dropout_tests
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
