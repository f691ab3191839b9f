# backward reuses the mask but forgets the factor 1 / (1 - p) that forward applied.
# expect-lose: dropout_tests
# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if not 0 <= p < 1:
            raise ValueError("bad p")
        self.p, self.rng, self.keep = p, rng, None

    def forward(self, x, training=True):
        x = np.array(x, dtype=float)
        if not training:
            self.keep = None
            return x
        self.keep = self.rng.random(x.shape) >= self.p
        return x * self.keep / (1 - self.p)

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.keep is None else grad * self.keep
