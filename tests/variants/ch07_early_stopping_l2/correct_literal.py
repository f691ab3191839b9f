# What a careful learner writes from the contract alone: one input check shared by every function (it also
# checks symmetry and eigenvalues in run_gradient_descent, which the contract allows), isinstance(tau,
# (int, np.integer)) exactly as the rules suggest, eigh for everything, float() for effective_alpha. PyTorch
# part: torch.as_tensor(..., dtype=torch.float64) as the rules say, torch.randn(d, generator=generator, dtype=...)
# as the task suggests, model.zero_grad() / loss.backward() / p -= eta * p.grad under torch.no_grad(), rows
# from parameters_to_vector, the ridge normal equations solved with torch.linalg.solve.
# expect: full
# %% run_gd_solution
def _check_quadratic(H, w_star):
    H = np.asarray(H, dtype=float)
    w_star = np.asarray(w_star, dtype=float)
    if H.ndim != 2 or H.shape[0] != H.shape[1]:
        raise ValueError("H must be a square 2-D array")
    if w_star.ndim != 1 or w_star.shape[0] != H.shape[0]:
        raise ValueError("w_star must be a 1-D array of length d")
    if not np.allclose(H, H.T):
        raise ValueError("H must be symmetric")
    if np.linalg.eigvalsh(H).min() < -1e-10:
        raise ValueError("H must be positive semi-definite")
    return H, w_star


def run_gradient_descent(H, w_star, eta, tau):
    H, w_star = _check_quadratic(H, w_star)
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)):
        raise ValueError("tau must be an integer")
    if tau < 0:
        raise ValueError("tau must not be negative")
    iterates = np.zeros((tau + 1, len(w_star)))
    w = np.zeros(len(w_star))
    for t in range(1, tau + 1):
        w = w - eta * H @ (w - w_star)
        iterates[t] = w
    return iterates


# %% closed_form_solution
def gd_closed_form(H, w_star, eta, tau):
    H, w_star = _check_quadratic(H, w_star)
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    eigenvalues, Q = np.linalg.eigh(H)
    if eta * eigenvalues.max() >= 2:
        raise ValueError("eta * lambda_max >= 2: gradient descent does not converge")
    w_tilde = Q.T @ w_star
    w_tilde = (1 - (1 - eta * eigenvalues) ** tau) * w_tilde
    return Q @ w_tilde


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    H, w_star = _check_quadratic(H, w_star)
    if alpha <= 0:
        raise ValueError("alpha must be positive")
    eigenvalues, Q = np.linalg.eigh(H)
    return Q @ (eigenvalues / (eigenvalues + alpha) * (Q.T @ w_star))


def effective_alpha(eta, tau):
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("tau must be a positive integer")
    return float(1 / (eta * tau))


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.asarray(lambdas, dtype=float)
    if lam.ndim != 1:
        raise ValueError("lambdas must be 1-D")
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("tau must be a positive integer")
    if np.any(lam < 0):
        raise ValueError("eigenvalues must be >= 0")
    if np.any(eta * lam >= 2):
        raise ValueError("eta * lambda must be < 2")
    alpha = 1 / (eta * tau)
    early_stopping = 1 - (1 - eta * lam) ** tau
    ridge = lam / (lam + alpha)
    return early_stopping - ridge


# %% quadratic_model_solution
class QuadraticModel(nn.Module):
    def __init__(self, H, w_star, init_std=0.0, generator=None):
        super().__init__()
        H = torch.as_tensor(H, dtype=torch.float64)
        w_star = torch.as_tensor(w_star, dtype=torch.float64)
        if H.ndim != 2 or H.shape[0] != H.shape[1]:
            raise ValueError("H must be a square 2-D array")
        if w_star.ndim != 1 or w_star.shape[0] != H.shape[0]:
            raise ValueError("w_star must be a 1-D array of length d")
        if init_std < 0:
            raise ValueError("init_std must be >= 0")
        self.register_buffer("H", H)
        self.register_buffer("w_star", w_star)
        d = w_star.shape[0]
        if init_std == 0:
            self.w = nn.Parameter(torch.zeros(d, dtype=torch.float64))
        else:
            self.w = nn.Parameter(init_std * torch.randn(d, generator=generator, dtype=torch.float64))

    def forward(self):
        return 0.5 * (self.w - self.w_star) @ self.H @ (self.w - self.w_star)


# %% gd_loop_solution
def gradient_descent(model, eta, tau):
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    rows = [torch.nn.utils.parameters_to_vector(model.parameters()).detach().clone().to(torch.float64)]
    for _ in range(tau):
        model.zero_grad()
        loss = model()
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= eta * p.grad
        rows.append(torch.nn.utils.parameters_to_vector(model.parameters()).detach().clone().to(torch.float64))
    return torch.stack(rows)


# %% least_squares_solution
class LeastSquares(nn.Module):
    def __init__(self, X, y):
        super().__init__()
        X = torch.as_tensor(X, dtype=torch.float64)
        y = torch.as_tensor(y, dtype=torch.float64)
        if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
            raise ValueError("X must be 2-D with at least one row and one column")
        if y.ndim != 1 or y.shape[0] != X.shape[0]:
            raise ValueError("y must be 1-D of length n")
        self.register_buffer("X", X)
        self.register_buffer("y", y)
        self.w = nn.Parameter(torch.zeros(X.shape[1], dtype=torch.float64))

    def forward(self):
        n = self.X.shape[0]
        return ((self.X @ self.w - self.y) ** 2).sum() / (2 * n)


def fit_early_stopped(X, y, eta, tau):
    if eta <= 0:
        raise ValueError("eta must be positive")
    if not isinstance(tau, (int, np.integer)) or tau < 1:
        raise ValueError("tau must be a positive integer")
    model = LeastSquares(X, y)
    trajectory = gradient_descent(model, eta, tau)
    w_tau = trajectory[-1]
    n, d = model.X.shape
    alpha = 1 / (eta * tau)
    A = model.X.T @ model.X / n + alpha * torch.eye(d, dtype=torch.float64)
    b = model.X.T @ model.y / n
    w_ridge = torch.linalg.solve(A, b)
    return w_tau, w_ridge
