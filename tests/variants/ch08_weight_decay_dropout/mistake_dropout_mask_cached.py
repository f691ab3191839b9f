# The mask is drawn at the first training forward and reused for every later call of the same shape.
# expect-lose: dropout_tests, dropout_statistics_tests
# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if not 0 <= p < 1:
            raise ValueError("bad p")
        self.p, self.rng, self.scale, self.training = p, rng, None, True

    def forward(self, x, training=True):
        x = np.array(x, dtype=float)
        self.training = training
        if not training:
            return x
        if self.scale is None or self.scale.shape != x.shape:
            self.scale = (self.rng.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad * self.scale if self.training else grad
