# The backward pass draws a new mask instead of reusing the forward one.
# expect-lose: dropout_tests
# %% dropout_solution
class Dropout:
    def __init__(self, p, rng):
        if not 0 <= p < 1:
            raise ValueError("bad p")
        self.p, self.rng, self.training = p, rng, True

    def forward(self, x, training=True):
        x = np.asarray(x, dtype=float)
        self.training = training
        if not training:
            return x
        return x * (self.rng.random(x.shape) >= self.p) / (1 - self.p)

    def backward(self, grad):
        grad = np.asarray(grad, dtype=float)
        if not self.training:
            return grad
        return grad * (self.rng.random(grad.shape) >= self.p) / (1 - self.p)
