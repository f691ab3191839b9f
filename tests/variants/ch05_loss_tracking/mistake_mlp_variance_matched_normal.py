# A normal distribution with the uniform's variance (bound / sqrt(3)): right mean and variance, wrong shape.
# expect-lose: mlp_statistics_tests
# %% mlp_solution
class MLP(nn.Module):
    """One hidden tanh layer: out = tanh(x @ w1.T + b1) @ w2.T + b2, parameters drawn from `generator`.

    Parameters (float32 nn.Parameters): w1 (d_hidden, d_in), b1 (d_hidden,), w2 (d_out, d_hidden),
    b2 (d_out,); every entry drawn independently from U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in = d_in
    for w1, b1 and fan_in = d_hidden for w2, b2. Raises ValueError if a size is below 1 and TypeError if
    generator is not a torch.Generator.
    """

    def __init__(self, d_in, d_hidden, d_out, generator):
        super().__init__()
        if min(d_in, d_hidden, d_out) < 1:
            raise ValueError(f"sizes must be at least 1, got {d_in}, {d_hidden}, {d_out}")
        if not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")

        def uniform(shape, fan_in):
            bound = fan_in ** -0.5
            return nn.Parameter(torch.randn(shape, generator=generator) * bound / 3 ** 0.5)

        self.w1 = uniform((d_hidden, d_in), d_in)
        self.b1 = uniform((d_hidden,), d_in)
        self.w2 = uniform((d_out, d_hidden), d_hidden)
        self.b2 = uniform((d_out,), d_hidden)

    def forward(self, x):
        hidden = torch.tanh(x @ self.w1.T + self.b1)
        return hidden @ self.w2.T + self.b2
