# Dropout without the 1/(1-p) rescaling: the expected activation shrinks in training.
# expect-lose: dropout_tests, dropout_statistics_tests
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
        self.mask = (self.rng.random(x.shape) >= self.p).astype(float)
        return x * self.mask

    def backward(self, grad):
        return grad * self.mask
