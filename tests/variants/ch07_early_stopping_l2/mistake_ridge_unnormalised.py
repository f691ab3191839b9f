# Ridge from the unnormalised normal equations (X^T X + alpha I) w = X^T y: that is the penalty for the
# summed loss, alpha n times too weak for the mean loss the chapter uses.
# expect-lose: early_stop_ridge_tests
# %% least_squares_solution
class LeastSquares(nn.Module):

    def __init__(self, X, y):
        super().__init__()
        X = torch.as_tensor(X, dtype=torch.float64)
        y = torch.as_tensor(y, dtype=torch.float64)
        if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1 or y.shape != (X.shape[0],):
            raise ValueError(f"need X of shape (n, d) with n, d >= 1 and y of shape (n,), got "
                             f"{tuple(X.shape)} and {tuple(y.shape)}")
        self.register_buffer("X", X)
        self.register_buffer("y", y)
        self.w = nn.Parameter(torch.zeros(X.shape[1], dtype=torch.float64))
    def forward(self):
        r = self.X @ self.w - self.y
        return (r @ r) / (2 * self.y.shape[0])
def fit_early_stopped(X, y, eta, tau):
    if eta <= 0:
        raise ValueError(f"eta must be positive, got {eta}")
    if not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError(f"tau must be a positive integer, got {tau!r}")
    model = LeastSquares(X, y)
    w_tau = gradient_descent(model, eta, tau)[-1]
    n, d = model.X.shape
    alpha = 1.0 / (eta * tau)
    H = model.X.T @ model.X
    w_ridge = torch.linalg.solve(H + alpha * torch.eye(d, dtype=torch.float64), model.X.T @ model.y)
    return w_tau, w_ridge
