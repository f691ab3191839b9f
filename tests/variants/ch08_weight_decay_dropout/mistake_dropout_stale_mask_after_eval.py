# An evaluation forward leaves the last training mask in place, so backward after it still applies that mask.
# expect-lose: dropout_tests
# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if not 0 <= p < 1:
            raise ValueError("bad p")
        self.p, self.rng, self.scale = p, rng, None

    def forward(self, x, training=True):
        x = np.array(x, dtype=float)
        if not training:
            return x
        self.scale = (self.rng.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.scale is None else grad * self.scale
