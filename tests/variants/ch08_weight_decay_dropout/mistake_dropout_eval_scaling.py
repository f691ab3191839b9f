# Inverted dropout in training AND a rescaling at evaluation time: eval is no longer the identity.
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
            self.mask = np.full(x.shape, 1 - self.p)
            return x * (1 - self.p)
        self.mask = (self.rng.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.mask

    def backward(self, grad):
        return grad * self.mask
