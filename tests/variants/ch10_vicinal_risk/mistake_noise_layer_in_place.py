# Adds the noise to x in place (under no_grad, as autograd refuses it otherwise): the caller's tensor changes,
# and so does every measurement of the noise as output - input.
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
        with torch.no_grad():
            x += self.sigma * torch.randn(x.shape, generator=self.generator, dtype=x.dtype)
        return x
