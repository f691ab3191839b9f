"""Data sets and plots for chapters 2 (data splits and leakage) and 3 (cross-validation).

Everything here uses NumPy, matplotlib and scikit-learn; the exercise answers live only in the
instructor notebooks.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from genml.figures import redraw_only

SUBSET_COLOURS = ListedColormap(["#1f77b4", "#ff7f0e", "#d62728", "#dddddd"])


def two_blobs(n_per_class: int = 20, shift: float = 1.5, seed: int = 0):
    """Two Gaussian blobs in 2-D: class 1 around (+shift, +shift), class 0 around (-shift, -shift).

    Rows are ordered class 1 first, then class 0 (as data often arrive: sorted by label).
    """
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.standard_normal((n_per_class, 2)) + shift,
                   rng.standard_normal((n_per_class, 2)) - shift])
    y = np.concatenate([np.ones(n_per_class, dtype=int), np.zeros(n_per_class, dtype=int)])
    return X, y


def imbalanced_blobs(n: int = 100, minority: float = 0.1, shift: float = 1.0, seed: int = 0):
    """``n`` points, a fraction ``minority`` of class 1 (around +shift), the rest class 0 (around -shift)."""
    rng = np.random.default_rng(seed)
    n1 = int(round(minority * n))
    y = np.concatenate([np.zeros(n - n1, dtype=int), np.ones(n1, dtype=int)])
    X = rng.standard_normal((n, 2)) + np.where(y[:, None] == 1, shift, -shift)
    return X, y


def patient_data(n_patients: int = 40, per_patient: int = 10, spread: float = 0.3, seed: int = 0):
    """Several noisy measurements per patient; each patient's label is a coin flip unrelated to the features.

    Returns ``X`` (n, 5), ``y`` (n,) and ``groups`` (n,) with the patient id of each row. A model can
    only score above chance by recognising patients it has seen, which is exactly what a split that
    ignores the groups rewards.
    """
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_patients, 5))
    labels = rng.integers(0, 2, n_patients)
    groups = np.repeat(np.arange(n_patients), per_patient)
    X = centres[groups] + spread * rng.standard_normal((groups.size, 5))
    return X, labels[groups], groups


def loan_data(n: int = 600, seed: int = 0):
    """A toy loan table: income, debt ratio (weakly predictive) and a column recorded after the outcome.

    ``collection_calls`` counts calls from the collection agency, which only happen once a loan has
    defaulted: a textbook target leak.
    """
    rng = np.random.default_rng(seed)
    income = rng.normal(50, 15, n)
    debt_ratio = rng.uniform(0, 1, n)
    logit = -1.0 + 2.5 * (debt_ratio - 0.5) - 0.03 * (income - 50)
    default = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    collection_calls = default * rng.poisson(4, n) + (1 - default) * rng.binomial(1, 0.03, n)
    X = np.column_stack([income, debt_ratio, collection_calls])
    return X, default, ["income", "debt_ratio", "collection_calls"]


def ar1_series(n: int = 300, phi: float = 0.95, noise: float = 1.0, seed: int = 0):
    """A slowly wandering AR(1) series ``s_t = phi s_{t-1} + noise * e_t``."""
    rng = np.random.default_rng(seed)
    s = np.zeros(n)
    for t in range(1, n):
        s[t] = phi * s[t - 1] + noise * rng.standard_normal()
    return s


def plot_assignments(rows, labels, title: str = "", n_classes_row=None, figsize=(7, 2.4)):
    """One horizontal strip per entry of ``rows``: sample index on x, colour = subset code.

    ``rows`` is a list of integer arrays of the same length with codes 0 = train, 1 = validation,
    2 = test, 3 = unused. ``n_classes_row`` optionally adds a strip with the class of each sample.
    """
    grid = np.array(rows, dtype=float)
    fig, ax = plt.subplots(figsize=figsize, dpi=80)
    ax.imshow(grid, aspect="auto", cmap=SUBSET_COLOURS, vmin=-0.5, vmax=3.5, interpolation="nearest")
    if n_classes_row is not None:
        ax.imshow(np.asarray(n_classes_row)[None, :], aspect="auto", cmap="Greys", alpha=0.9,
                  extent=(-0.5, grid.shape[1] - 0.5, len(rows) + 0.4, len(rows) - 0.4))
        ax.set_ylim(len(rows) + 0.5, -0.5)
        labels = list(labels) + ["class"]
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels(labels, fontsize=8)
    ax.set_xlabel("sample index", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.set_title(title, fontsize=9)
    handles = [plt.Rectangle((0, 0), 1, 1, color=SUBSET_COLOURS(i)) for i in range(4)]
    ax.legend(handles, ["train", "validation", "test", "unused"], fontsize=7, ncol=4,
              loc="upper center", bbox_to_anchor=(0.5, -0.3), frameon=False)
    fig.subplots_adjust(bottom=0.35, left=0.16, right=0.98, top=0.88)
    return fig


def fold_rows(splits, n: int):
    """Turn (train_idx, val_idx) pairs into rows of subset codes for :func:`plot_assignments`."""
    rows = []
    for train_idx, val_idx in splits:
        row = np.full(n, 3)
        row[np.asarray(train_idx)] = 0
        row[np.asarray(val_idx)] = 1
        rows.append(row)
    return rows


SCREEN_KS = (1, 2, 5, 10, 20, 50, 100)


@lru_cache(maxsize=8)
def screening_leak_curves(n_features: int, n_samples: int = 100, ks: tuple[int, ...] = SCREEN_KS,
                          seed: int = 2) -> dict[str, np.ndarray]:
    """5-fold CV accuracy of logistic regression on pure-noise features after keeping the k "best" ones.

    ``leaky``: the k features most associated with the label are chosen once, on all rows, and then
    cross-validated. ``honest``: the same selection runs inside every training fold (a pipeline).
    The labels are coin flips, so the honest accuracy of every k is 0.5 up to sampling noise.
    """
    from sklearn.feature_selection import SelectKBest, f_classif
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline

    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_samples, n_features))
    y = rng.integers(0, 2, n_samples)
    folds = 5  # scikit-learn's default for a classifier: StratifiedKFold(5), no shuffling
    scores = f_classif(X, y)[0]  # ranking on ALL rows: this is the leak
    order = np.argsort(scores)[::-1]
    leaky, honest = [], []
    for k in ks:
        model = LogisticRegression(max_iter=1000)
        leaky.append(cross_val_score(model, X[:, order[:k]], y, cv=folds).mean())
        piped = make_pipeline(SelectKBest(f_classif, k=k), LogisticRegression(max_iter=1000))
        honest.append(cross_val_score(piped, X, y, cv=folds).mean())
    return {"k": np.array(ks), "leaky": np.array(leaky), "honest": np.array(honest), "n_samples": n_samples}


@lru_cache(maxsize=4)
def _screening_figure(n_features: int):
    """The screening plot of one feature count, drawn once; frames move the marker and the title."""
    from matplotlib.figure import Figure

    curves = screening_leak_curves(n_features)
    fig = Figure(figsize=(6.4, 3.0), dpi=72)
    ax = fig.subplots()
    fig.subplots_adjust(left=0.11, right=0.98, bottom=0.17, top=0.88)
    ax.semilogx(curves["k"], curves["leaky"], "o-", color="#d62728", ms=4,
                label="features screened on all rows, then CV")
    ax.semilogx(curves["k"], curves["honest"], "s-", color="#1f77b4", ms=4,
                label="screening inside each training fold")
    band = 2 * np.sqrt(0.25 / curves["n_samples"])  # standard error of an accuracy of 0.5 on all rows
    ax.axhspan(0.5 - band, 0.5 + band, color="grey", alpha=0.15, lw=0, label="chance ± 2 standard errors")
    marker = ax.axvline(curves["k"][0], color="grey", lw=1)
    ax.set_ylim(0.3, 1.02)
    ax.set_xticks(curves["k"], [str(v) for v in curves["k"]])
    ax.minorticks_off()
    ax.set_xlabel(f"number of features kept (out of {n_features} pure-noise features)")
    ax.set_ylabel("5-fold CV accuracy")
    ax.legend(fontsize=7, loc="upper right")
    redraw_only(fig, marker, ax.title)
    return fig, ax, marker, curves


def plot_screening_leak(k: int, n_features: int):
    """CV accuracy against the number k of screened features, selection outside vs inside the folds.

    The figure of a feature count is built once and updated in place: show or save it before the next call.
    """
    fig, ax, marker, curves = _screening_figure(n_features)
    i = int(np.flatnonzero(curves["k"] == k)[0])
    marker.set_xdata([k, k])
    ax.set_title(f"k = {k}: leaky {curves['leaky'][i]:.2f}, honest {curves['honest'][i]:.2f}", fontsize=9)
    return fig
