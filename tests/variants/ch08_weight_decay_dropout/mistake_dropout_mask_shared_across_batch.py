# One mask per feature shared by every sample of the batch (drawn for x.shape[-1] and broadcast): the values are
# right and each entry is dropped with probability p, but the entries of a column are not independent.
# expect-lose: dropout_statistics_tests
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
        keep = self.rng.random(x.shape[-1:]) >= self.p
        self.scale = np.broadcast_to(keep / (1 - self.p), x.shape)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.scale is None else grad * self.scale
