# A second correct solution, written differently: matrix powers instead of an eigendecomposition for
# the trajectory, a linear solve for ridge, an iterate list, explicit integer checks. PyTorch part: tensors
# via NumPy, normal_(generator=...) for the start, an einsum loss, model.zero_grad() and p.sub_(grad, alpha=eta)
# into a preallocated float64 trajectory, 0.5 * F.mse_loss for least squares, ridge by torch.linalg.eigh, and
# w_tau read from the trained model.
# expect: full
# %% run_gd_solution
def run_gradient_descent(H, w_star, eta, tau):
    H = np.array(H, dtype=np.float64)
    target = np.array(w_star, dtype=np.float64)
    if len(H.shape) != 2 or H.shape != (target.size, target.size) or target.ndim != 1:
        raise ValueError("shapes do not fit")
    if not eta > 0:
        raise ValueError("eta must be positive")
    if type(tau) is bool or int(tau) != tau or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    iterates = [np.zeros_like(target)]
    for _ in range(int(tau)):
        current = iterates[-1]
        iterates.append(current + eta * (H @ (target - current)))
    return np.vstack(iterates)


# %% closed_form_solution
def _check_quadratic(H, w_star):
    H = np.array(H, dtype=np.float64)
    w_star = np.array(w_star, dtype=np.float64)
    if H.ndim != 2 or H.shape != (w_star.size, w_star.size) or w_star.ndim != 1:
        raise ValueError("shapes do not fit")
    if np.abs(H - H.T).max() > 1e-8 * max(1.0, np.abs(H).max()):
        raise ValueError("H must be symmetric")
    spectrum = np.linalg.eigvalsh(H)
    if spectrum[0] < -1e-10:
        raise ValueError("H has a negative eigenvalue")
    return H, w_star, spectrum


def gd_closed_form(H, w_star, eta, tau):
    H, w_star, spectrum = _check_quadratic(H, w_star)
    if not eta > 0 or not eta * spectrum[-1] < 2:
        raise ValueError("need eta > 0 and eta * lambda_max < 2")
    if type(tau) is bool or int(tau) != tau or tau < 0:
        raise ValueError("tau must be a non-negative integer")
    step = np.eye(len(w_star)) - eta * H
    return (np.eye(len(w_star)) - np.linalg.matrix_power(step, int(tau))) @ w_star


# %% ridge_solution
def ridge_solution(H, w_star, alpha):
    H, w_star, _ = _check_quadratic(H, w_star)
    if not alpha > 0:
        raise ValueError("alpha must be positive")
    return np.linalg.solve(H + alpha * np.eye(len(w_star)), H @ w_star)


def effective_alpha(eta, tau):
    if not eta > 0 or type(tau) is bool or int(tau) != tau or tau <= 0:
        raise ValueError("need eta > 0 and a positive integer tau")
    return float(1 / eta / tau)


# %% gap_solution
def shrinkage_gap(lambdas, eta, tau):
    lam = np.array(lambdas, dtype=np.float64)
    if lam.ndim != 1 or not eta > 0 or type(tau) is bool or int(tau) != tau or tau < 1:
        raise ValueError("bad arguments")
    if (lam < 0).any() or (eta * lam >= 2).any():
        raise ValueError("need 0 <= eta * lambda < 2")
    es = 1 - np.power(1 - eta * lam, tau)
    ridge = eta * tau * lam / (eta * tau * lam + 1)
    return es - ridge


# %% quadratic_model_solution
class QuadraticModel(nn.Module):
    def __init__(self, H, w_star, init_std=0.0, generator=None):
        super().__init__()
        hessian = torch.tensor(np.array(H, dtype=np.float64))
        target = torch.tensor(np.array(w_star.tolist() if torch.is_tensor(w_star) else w_star, dtype=np.float64))
        if target.dim() != 1 or hessian.dim() != 2 or hessian.shape != (len(target), len(target)):
            raise ValueError("H must be (d, d) and w_star (d,)")
        if not init_std >= 0:
            raise ValueError("init_std must not be negative")
        self.register_buffer("H", hessian)
        self.register_buffer("w_star", target)
        noise = torch.empty(len(target), dtype=torch.float64).normal_(0.0, 1.0, generator=generator)
        self.w = nn.Parameter(noise * float(init_std) if init_std else torch.zeros_like(target))

    def forward(self):
        diff = self.w - self.w_star
        return torch.einsum("i,ij,j->", diff, self.H, diff) / 2


# %% gd_loop_solution
def gradient_descent(model, eta, tau):
    if type(tau) is bool or not isinstance(tau, (int, np.integer)):
        raise ValueError("tau must be an integer")
    if tau < 0 or not eta > 0:
        raise ValueError("need eta > 0 and tau >= 0")
    trajectory = torch.empty(int(tau) + 1, sum(p.numel() for p in model.parameters()), dtype=torch.float64)
    trajectory[0] = torch.nn.utils.parameters_to_vector(model.parameters()).detach()
    for step in range(1, int(tau) + 1):
        model.zero_grad()
        model().backward()
        with torch.no_grad():
            for p in model.parameters():
                p.sub_(p.grad, alpha=eta)
        trajectory[step] = torch.nn.utils.parameters_to_vector(model.parameters()).detach()
    return trajectory


# %% least_squares_solution
class LeastSquares(nn.Module):
    def __init__(self, X, y):
        super().__init__()
        X = torch.tensor(np.array(X.tolist() if torch.is_tensor(X) else X, dtype=np.float64))
        y = torch.tensor(np.array(y.tolist() if torch.is_tensor(y) else y, dtype=np.float64))
        if len(X.shape) != 2 or 0 in X.shape or tuple(y.shape) != (X.shape[0],):
            raise ValueError("X must be (n, d) with n, d >= 1, y (n,)")
        self.register_buffer("X", X)
        self.register_buffer("y", y)
        self.w = nn.Parameter(X.new_zeros(X.shape[1]))

    def forward(self):
        return 0.5 * torch.nn.functional.mse_loss(self.X @ self.w, self.y)


def fit_early_stopped(X, y, eta, tau):
    if not (isinstance(tau, (int, np.integer)) and tau >= 1) or eta <= 0:
        raise ValueError("need eta > 0 and a positive integer tau")
    model = LeastSquares(X, y)
    gradient_descent(model, eta, tau)
    w_tau = model.w.detach().clone()
    lam, Q = torch.linalg.eigh(model.X.T @ model.X / len(model.y))
    alpha = 1 / (eta * tau)
    w_ridge = Q @ ((Q.T @ (model.X.T @ model.y)) / len(model.y) / (lam + alpha))
    return w_tau, w_ridge
