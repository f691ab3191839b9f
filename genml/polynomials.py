"""The noisy-sine data set and the polynomial demos of chapters 1 and 8.

Fits use scikit-learn (``PolynomialFeatures`` + ``LinearRegression`` / ``Ridge``), the library
counterpart of what learners build from scratch in the exercises. The intercept is never penalised.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from genml.figures import redraw_only

TRAIN_COLOUR, VAL_COLOUR, FIT_COLOUR = "#1f77b4", "#d62728", "#2ca02c"


def true_function(x):
    """The signal under the noise: one period of a sine on [0, 1]."""
    return np.sin(2 * np.pi * np.asarray(x, dtype=float))


@dataclass(frozen=True)
class NoisySine:
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


def noisy_sine(n_train: int, noise: float, n_val: int = 200, seed: int = 0) -> NoisySine:
    """``n_train`` training and ``n_val`` validation points y = sin(2 pi x) + noise * N(0, 1), x ~ U(0, 1).

    The same seed draws the same x and the same standard-normal noise, so changing ``noise`` only
    rescales the noise: demos stay comparable across slider settings.
    """
    if n_train < 1 or n_val < 1:
        raise ValueError("need at least one training and one validation point")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    rng = np.random.default_rng(seed)
    x_train, x_val = rng.uniform(0, 1, n_train), rng.uniform(0, 1, n_val)
    e_train, e_val = rng.standard_normal(n_train), rng.standard_normal(n_val)
    return NoisySine(x_train, true_function(x_train) + noise * e_train,
                     x_val, true_function(x_val) + noise * e_val)


def fit_polynomial_model(x, y, degree: int, lam: float = 0.0):
    """A fitted scikit-learn pipeline: polynomial of ``degree``, ridge penalty ``lam`` (not on the intercept)."""
    from sklearn.linear_model import LinearRegression, Ridge
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import PolynomialFeatures

    regressor = LinearRegression() if lam == 0 else Ridge(alpha=lam, solver="svd")
    model = make_pipeline(PolynomialFeatures(degree, include_bias=False), regressor)
    return model.fit(np.asarray(x, dtype=float)[:, None], y)


def predict(model, x):
    return model.predict(np.asarray(x, dtype=float)[:, None])


def _mse(model, x, y) -> float:
    return float(np.mean((predict(model, x) - y) ** 2))


def train_val_mse(data: NoisySine, degree: int, lam: float = 0.0) -> tuple[float, float]:
    model = fit_polynomial_model(data.x_train, data.y_train, degree, lam)
    return _mse(model, data.x_train, data.y_train), _mse(model, data.x_val, data.y_val)


GRID = np.linspace(0, 1, 400)


@lru_cache(maxsize=256)
def _demo_fit(n_train: int, noise: float, degree: int, lam: float = 0.0):
    """Fit of the demos' data set (seed 0): its curve on GRID and its train and validation MSE."""
    data = noisy_sine(n_train, noise)
    model = fit_polynomial_model(data.x_train, data.y_train, degree, lam)
    return predict(model, GRID), _mse(model, data.x_train, data.y_train), _mse(model, data.x_val, data.y_val)


def error_curves(n_train: int, noise: float, degrees: tuple[int, ...], lam: float = 0.0):
    """Train and validation MSE of the demos' data set for each degree (fits cached: the sliders reuse them)."""
    return np.array([_demo_fit(n_train, noise, d, lam)[1:] for d in degrees])


def _draw_fit(ax, data: NoisySine, fit: np.ndarray, degree: int):
    """The data, the true function and the fit on GRID; returns the fit's line (frames update it)."""
    ax.plot(GRID, true_function(GRID), "k--", lw=1, alpha=0.6, label="true function")
    (line,) = ax.plot(GRID, fit, color=FIT_COLOUR, lw=2, label=f"degree {degree} fit")
    ax.scatter(data.x_val, data.y_val, s=10, facecolors="none", edgecolors=VAL_COLOUR, alpha=0.5,
               label="validation")
    ax.scatter(data.x_train, data.y_train, s=28, color=TRAIN_COLOUR, zorder=3, label="train")
    ax.set_ylim(-2.2, 2.2)
    ax.set_xticks([0, 0.5, 1], ["0", "0.5", "1"])  # few, plain tick labels keep the many frames quick to draw
    ax.set_yticks([-2, 0, 2], ["-2", "0", "2"])
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(loc="lower left", fontsize=7, ncol=2)
    return line


@lru_cache(maxsize=8)
def _explorer_figure(noise: float, n_points: int, max_degree: int):
    """The explorer for one data set, drawn once; each frame then only moves what depends on the degree."""
    from matplotlib.figure import Figure

    data = noisy_sine(n_points, noise)
    degrees = tuple(range(1, max_degree + 1))
    curves = error_curves(n_points, noise, degrees)
    fig = Figure(figsize=(8, 3.2), dpi=80)
    left, right = fig.subplots(1, 2)
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.91, wspace=0.22)
    fit = _draw_fit(left, data, _demo_fit(n_points, noise, 1, 0.0)[0], 1)
    left.set_title(f"{n_points} training points, noise {noise:g}", fontsize=9)
    right.semilogy(degrees, curves[:, 0], "o-", color=TRAIN_COLOUR, ms=3, label="train MSE")
    right.semilogy(degrees, curves[:, 1], "s-", color=VAL_COLOUR, ms=3, label="validation MSE")
    marker = right.axvline(1, color="grey", lw=1)
    right.set_ylim(1e-4, 1e3)
    ticks = [1e-4, 1e-2, 1, 1e2]
    right.set_yticks(ticks, [f"{t:g}" for t in ticks])  # plain labels: mathtext ticks are slow to draw
    right.minorticks_off()
    right.set_xticks([1, 5, 10, 15], ["1", "5", "10", "15"])
    right.set_xlabel("polynomial degree")
    right.legend(fontsize=7)
    fit_label = left.get_legend().get_texts()[1]
    redraw_only(fig, fit, fit_label, marker, right.title)
    return fig, fit, fit_label, marker, right


def plot_overfitting_explorer(degree: int, noise: float, n_points: int, max_degree: int = 15):
    """Left: the fit. Right: train and validation MSE against degree, the current degree marked.

    The figure of a data set is built once and updated in place for each degree (the many frames of the
    book's explorer draw quickly that way): show or save it before the next call.
    """
    fig, fit, fit_label, marker, right = _explorer_figure(noise, n_points, max_degree)
    curve, train, val = _demo_fit(n_points, noise, degree, 0.0)
    fit.set_ydata(curve)
    fit_label.set_text(f"degree {degree} fit")
    marker.set_xdata([degree, degree])
    right.set_title(f"degree {degree}: train {train:.3f}, val {val:.3f}", fontsize=9)
    return fig


@lru_cache(maxsize=4)
def _machine_figure(n_points: int, noise: float):
    """The overfitting machine for one data set, drawn once; frames move the fit, its label and the title."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3.2), dpi=80)
    ax = fig.subplots()
    fig.subplots_adjust(left=0.1, right=0.98, bottom=0.15, top=0.91)
    fit = _draw_fit(ax, noisy_sine(n_points, noise), _demo_fit(n_points, noise, 1, 0.0)[0], 1)
    fit_label = ax.get_legend().get_texts()[1]
    redraw_only(fig, fit, fit_label, ax.title)
    return fig, fit, fit_label, ax


def plot_overfitting_machine(degree: int, lam: float, n_points: int = 12, noise: float = 0.25):
    """One fit with a ridge penalty; the title reports its train and validation MSE.

    Like the explorer, the figure is updated in place: show or save it before the next call.
    """
    fig, fit, fit_label, ax = _machine_figure(n_points, noise)
    curve, train, val = _demo_fit(n_points, noise, degree, lam)
    fit.set_ydata(curve)
    fit_label.set_text(f"degree {degree} fit")
    ax.set_title(f"degree {degree}, lambda {lam:g}: train MSE {train:.3f}, validation MSE {val:.3f}", fontsize=9)
    return fig
