# A correct solution that is noisy: every call of mse emits a UserWarning (a reminder the learner left in)
# and a NumPy RuntimeWarning (a stray division by zero whose result is not used), and polynomial_features
# prints a debugging line to stderr. Warnings and stderr cost no points; only the tests' own errors do.
# expect: full
# %% mse_solution
import sys
import warnings


def mse(y_true, y_pred):
    warnings.warn("mse: remember to check the shapes", UserWarning, stacklevel=2)
    _unused = np.float64(1.0) / np.float64(0.0)  # RuntimeWarning: divide by zero
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"shapes differ: {y_true.shape} vs {y_pred.shape}")
    if y_true.size == 0:
        raise ValueError("mse of empty arrays is undefined")
    return float(np.mean((y_true - y_pred) ** 2))


# %% polynomial_features_solution
def polynomial_features(x, degree):
    print(f"polynomial_features called with degree {degree!r}", file=sys.stderr)
    x = np.asarray(x, dtype=float)
    if x.ndim != 1:
        raise ValueError("x must be a 1-D array")
    if isinstance(degree, bool) or not isinstance(degree, (int, np.integer)) or degree < 0:
        raise ValueError(f"degree must be a non-negative integer, got {degree!r}")
    return np.vander(x, int(degree) + 1, increasing=True)
