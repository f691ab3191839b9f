# w is a plain tensor with requires_grad=True, not an nn.Parameter: the module registers no parameter
# (model.parameters() is empty, so a training loop over them would not train it).
# expect-lose: quadratic_model_tests
# %% quadratic_model_solution
class QuadraticModel(nn.Module):

    def __init__(self, H, w_star, init_std=0.0, generator=None):
        super().__init__()
        H = torch.as_tensor(H, dtype=torch.float64)
        w_star = torch.as_tensor(w_star, dtype=torch.float64)
        if H.ndim != 2 or H.shape[0] != H.shape[1] or w_star.shape != (H.shape[0],):
            raise ValueError(f"need H of shape (d, d) and w_star of shape (d,), got {tuple(H.shape)} and "
                             f"{tuple(w_star.shape)}")
        if init_std < 0:
            raise ValueError(f"init_std must be >= 0, got {init_std}")
        self.register_buffer("H", H)
        self.register_buffer("w_star", w_star)
        start = torch.zeros(w_star.shape[0], dtype=torch.float64)
        if init_std > 0:
            start = init_std * torch.randn(w_star.shape[0], generator=generator, dtype=torch.float64)
        self.w = start.requires_grad_()
    def forward(self):
        r = self.w - self.w_star
        return 0.5 * (r @ (self.H @ r))
