# Masks drawn from NumPy's global generator (np.random.random) instead of the rng given to the layer.
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
            self.scale = None
            return x
        self.scale = (np.random.random(x.shape) >= self.p) / (1 - self.p)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.scale is None else grad * self.scale
