# ruff: noqa: E501
# Every value right, every ValueError forgotten (also eta * lambda >= 2, and in the PyTorch exercises): only the
# validation cells are lost, the main cells keep their points.
# expect-lose: run_gd_validation_tests, closed_form_validation_tests, ridge_alpha_validation_tests, gap_validation_tests, quadratic_model_validation_tests, gd_loop_validation_tests, early_stop_ridge_validation_tests
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    path = np.zeros((int(tau) + 1, len(w_star)))
    for t in range(int(tau)):
        path[t + 1] = path[t] - eta * H @ (path[t] - w_star)
    return path


# %% closed_form_solution
def gd_closed_form(H, w_star, eta, tau):
    lam, Q = np.linalg.eigh(np.asarray(H, dtype=float))
    return Q @ ((1 - (1 - eta * lam) ** int(tau)) * (Q.T @ np.asarray(w_star, dtype=float)))


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    lam, Q = np.linalg.eigh(np.asarray(H, dtype=float))
    return Q @ (lam / (lam + alpha) * (Q.T @ np.asarray(w_star, dtype=float)))


def effective_alpha(eta, tau):
    return 1.0 / (eta * tau)


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    return (1 - (1 - eta * lam) ** tau) - lam / (lam + 1 / (eta * tau))


# %% quadratic_model_solution
class QuadraticModel(nn.Module):
    def __init__(self, H, w_star, init_std=0.0, generator=None):
        super().__init__()
        self.register_buffer("H", torch.as_tensor(H, dtype=torch.float64))
        self.register_buffer("w_star", torch.as_tensor(w_star, dtype=torch.float64))
        noise = torch.randn(len(self.w_star), generator=generator, dtype=torch.float64)
        self.w = nn.Parameter(init_std * noise if init_std else torch.zeros_like(self.w_star))

    def forward(self):
        r = self.w - self.w_star
        return 0.5 * r @ self.H @ r


# %% gd_loop_solution
def gradient_descent(model, eta, tau):
    rows = [torch.nn.utils.parameters_to_vector(model.parameters()).detach().double()]
    for _ in range(int(tau)):
        model.zero_grad()
        model().backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= eta * p.grad
        rows.append(torch.nn.utils.parameters_to_vector(model.parameters()).detach().double())
    return torch.stack(rows)


# %% least_squares_solution
class LeastSquares(nn.Module):
    def __init__(self, X, y):
        super().__init__()
        self.register_buffer("X", torch.as_tensor(X, dtype=torch.float64))
        self.register_buffer("y", torch.as_tensor(y, dtype=torch.float64))
        self.w = nn.Parameter(torch.zeros(self.X.shape[1], dtype=torch.float64))

    def forward(self):
        return ((self.X @ self.w - self.y) ** 2).mean() / 2


def fit_early_stopped(X, y, eta, tau):
    model = LeastSquares(X, y)
    w_tau = gradient_descent(model, eta, tau)[-1]
    n, d = model.X.shape
    H = model.X.T @ model.X / n + torch.eye(d, dtype=torch.float64) / (eta * tau)
    return w_tau, torch.linalg.solve(H, model.X.T @ model.y / n)
