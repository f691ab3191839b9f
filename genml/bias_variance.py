"""Monte-Carlo bias-variance demos of chapter 4: many training sets, one polynomial fit per set.

The fits are batched: every resampled training set gets its own Legendre design matrix (x mapped to
[-1, 1] for conditioning) and all least-squares problems are solved at once with a stacked
pseudo-inverse. The data follow chapter 1: y = sin(2 pi x) + noise, x ~ U(0, 1).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from genml.figures import redraw_only
from genml.polynomials import true_function

BIAS_COLOUR, VARIANCE_COLOUR, NOISE_COLOUR, TOTAL_COLOUR = "#1f77b4", "#d62728", "#7f7f7f", "#2ca02c"
TEST_GRID = np.linspace(0.0, 1.0, 101)


def _design(x: np.ndarray, degree: int) -> np.ndarray:
    return np.polynomial.legendre.legvander(2.0 * x - 1.0, degree)


def resampled_fits(degree: int, n_train: int, noise: float, n_datasets: int, x_test=TEST_GRID,
                   seed: int = 0) -> np.ndarray:
    """Predictions at ``x_test`` of least-squares polynomials fitted to ``n_datasets`` fresh training sets.

    Returns an array of shape ``(n_datasets, len(x_test))``; row k is the fit to the k-th training set
    of ``n_train`` points. The same seed gives the same training inputs and standard-normal noise for
    every degree, so curves against degree are comparable.
    """
    if degree < 0 or n_train < 1 or n_datasets < 2 or noise < 0:
        raise ValueError("need degree >= 0, n_train >= 1, n_datasets >= 2 and noise >= 0")
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.0, 1.0, (n_datasets, n_train))
    y = true_function(x) + noise * rng.standard_normal((n_datasets, n_train))
    coefficients = np.linalg.pinv(_design(x, degree)) @ y[:, :, None]  # (sets, degree + 1, 1)
    return (_design(np.asarray(x_test, dtype=float), degree) @ coefficients)[:, :, 0]


@lru_cache(maxsize=64)
def decomposition_table(n_train: int, noise: float, degrees: tuple[int, ...], n_datasets: int = 200,
                        seed: int = 0) -> dict[str, np.ndarray]:
    """Squared bias, variance, noise and the directly measured test error for each degree.

    Expectations over training sets are averages over the ``n_datasets`` rows; the expectation over x
    is the average over the uniform test grid. The measured error scores each fit against its own
    fresh noisy targets at the grid points.
    """
    f_grid = true_function(TEST_GRID)
    rng = np.random.default_rng(seed + 1)
    fresh_targets = f_grid + noise * rng.standard_normal((n_datasets, TEST_GRID.size))
    rows = {"bias2": [], "variance": [], "measured": []}
    for degree in degrees:
        fits = resampled_fits(degree, n_train, noise, n_datasets, TEST_GRID, seed)
        centre = fits.mean(axis=0)
        rows["bias2"].append(np.mean((centre - f_grid) ** 2))
        rows["variance"].append(np.mean(np.mean((fits - centre) ** 2, axis=0)))
        rows["measured"].append(np.mean((fresh_targets - fits) ** 2))
    table = {name: np.array(values) for name, values in rows.items()}
    table["noise"] = np.full(len(degrees), noise**2)
    table["total"] = table["bias2"] + table["variance"] + table["noise"]
    return table


def plot_decomposition(ax, degrees, table, log: bool = True) -> None:
    """Bias^2, variance, noise, their sum and the measured error against degree on ``ax``."""
    ax.plot(degrees, table["bias2"], "o-", ms=3, color=BIAS_COLOUR, label="bias²")
    ax.plot(degrees, table["variance"], "s-", ms=3, color=VARIANCE_COLOUR, label="variance")
    ax.plot(degrees, table["noise"], "--", color=NOISE_COLOUR, label="noise σ²")
    ax.plot(degrees, table["total"], "-", lw=2.5, color=TOTAL_COLOUR, alpha=0.6, label="sum of the three")
    ax.plot(degrees, table["measured"], "k.", ms=6, label="measured test error")
    if log:
        ax.set_yscale("log")
        ticks = [1e-3, 1e-2, 1e-1, 1, 10, 100, 1000]
        ax.set_yticks(ticks, [f"{t:g}" for t in ticks])
        ax.minorticks_off()
        ax.set_ylim(1e-3, 1e3)
    ax.set_xlabel("polynomial degree")


SLIDER_DEGREES = (1, 2, 3, 5, 7)


@lru_cache(maxsize=8)
def _explorer_figure(noise: float, n_train: int):
    """The explorer for one noise level and sample size, drawn once; frames move what depends on the degree."""
    from matplotlib.figure import Figure

    table = decomposition_table(n_train, noise, SLIDER_DEGREES)
    fig = Figure(figsize=(8, 3.2), dpi=80)
    left, right = fig.subplots(1, 2)
    fig.subplots_adjust(left=0.07, right=0.98, bottom=0.15, top=0.91, wspace=0.22)
    fits = [left.plot(TEST_GRID, TEST_GRID, color=VARIANCE_COLOUR, lw=0.6, alpha=0.35)[0] for _ in range(20)]
    (average,) = left.plot(TEST_GRID, TEST_GRID, color=BIAS_COLOUR, lw=2, label="average fit")
    left.plot(TEST_GRID, true_function(TEST_GRID), "k--", lw=1, label="true function")
    left.set_ylim(-2.2, 2.2)
    left.set_xlabel("x")
    left.legend(loc="lower left", fontsize=7)
    plot_decomposition(right, SLIDER_DEGREES, table)
    marker = right.axvline(SLIDER_DEGREES[0], color="grey", lw=1)
    right.legend(fontsize=6, loc="upper center", ncol=2)
    redraw_only(fig, *fits, average, left.title, marker, right.title)
    return fig, fits, average, marker, table


def plot_bias_variance_explorer(degree: int, noise: float, n_train: int):
    """Left: 20 of the resampled fits, their mean and the truth. Right: the decomposition against degree.

    The figure of a noise level and sample size is built once and updated in place for each degree:
    show or save it before the next call.
    """
    fig, lines, average, marker, table = _explorer_figure(noise, n_train)
    left, right = fig.axes
    fits = resampled_fits(degree, n_train, noise, 200, TEST_GRID)
    for line, row in zip(lines, fits[:20], strict=True):
        line.set_ydata(row)
    average.set_ydata(fits.mean(axis=0))
    left.set_title(f"degree {degree}: 20 of 200 fits, {n_train} points each", fontsize=9)
    marker.set_xdata([degree, degree])
    i = SLIDER_DEGREES.index(degree)
    right.set_title(f"bias² {table['bias2'][i]:.3f}, variance {table['variance'][i]:.3f}, "
                    f"noise {noise**2:.3f}", fontsize=9)
    return fig
