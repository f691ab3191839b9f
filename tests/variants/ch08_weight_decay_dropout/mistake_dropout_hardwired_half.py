# A layer that always drops half the units, whatever p it was given.
# expect-lose: dropout_tests, dropout_statistics_tests
# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if not 0 <= p < 1:
            raise ValueError("bad p")
        self.rng, self.mask = rng, None

    def forward(self, x, training=True):
        x = np.asarray(x, dtype=float)
        if not training:
            self.mask = np.ones_like(x)
            return x
        self.mask = (self.rng.random(x.shape) >= 0.5) * 2.0
        return x * self.mask

    def backward(self, grad):
        return grad * self.mask
