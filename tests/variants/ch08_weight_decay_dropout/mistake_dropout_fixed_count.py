# Exactly round(p * n) units dropped in every row (a random permutation per row): the fraction is right on
# average, but the units are not dropped independently.
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
        keep = np.ones(x.shape, dtype=bool)
        if x.size:
            rows = keep.reshape(-1, x.shape[-1])
            for row in rows:
                row[self.rng.permutation(rows.shape[1])[: int(round(self.p * rows.shape[1]))]] = False
        self.scale = keep / (1 - self.p)
        return x * self.scale

    def backward(self, grad):
        grad = np.array(grad, dtype=float)
        return grad if self.scale is None else grad * self.scale
