# Draws the noise once and adds the same noise at every call.
# expect-lose: gaussian_noise_tests, gaussian_noise_statistics_tests
# %% gaussian_noise_solution
class GaussianNoise(nn.Module):
    """Adds N(0, sigma^2) noise, one independent draw per entry from `generator`, in training mode only.

    __init__(sigma, generator): sigma >= 0 (else ValueError), generator a torch.Generator (else TypeError).
    forward(x): training mode: x + sigma * eps, eps ~ N(0, 1) fresh per call and per entry, dtype and shape
    of x, gradient passed unchanged; evaluation mode: x unchanged. No parameters, no buffers.
    """

    def __init__(self, sigma, generator):
        super().__init__()
        if not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
        if sigma < 0:
            raise ValueError(f"sigma must be >= 0, got {sigma}")
        self.sigma = float(sigma)
        self.generator = generator

    def forward(self, x):
        if not self.training:
            return x
        cached = getattr(self, "cached", None)
        if cached is None or cached.shape != x.shape or cached.dtype != x.dtype:
            self.cached = torch.randn(x.shape, generator=self.generator, dtype=x.dtype)
        return x + self.sigma * self.cached
