# The kept entries are not divided by 1 - p: the mean activation shrinks in training.
# expect-lose: torch_dropout_tests, torch_dropout_statistics_tests
# %% torch_dropout_solution
class TorchDropout(nn.Module):
    def __init__(self, p, generator):
        super().__init__()
        if not isinstance(generator, torch.Generator):
            raise TypeError(f"generator must be a torch.Generator, got {type(generator).__name__}")
        if not 0 <= p < 1:
            raise ValueError(f"p must be in [0, 1), got {p}")
        self.p = float(p)
        self.generator = generator

    def forward(self, x):
        if not self.training:
            return x
        keep = torch.rand(x.shape, generator=self.generator) >= self.p
        return x * keep
