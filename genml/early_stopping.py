"""Data and plot helpers for the chapters on early stopping (6) and early stopping as L2 (7).

Demo material only: the two-moons splits, a small NumPy MLP used by the walk-through, a synthetic
validation curve and the figures. The exercise answers live in the assignment notebooks, not here.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_moons

from genml.figures import redraw_only


@dataclass
class Splits:
    X_train: np.ndarray
    y_train: np.ndarray
    X_val: np.ndarray
    y_val: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray


def two_moons_splits(n: int = 200, noise: float = 0.25, seed: int = 0,
                     fractions: tuple[float, float] = (0.7, 0.15)) -> Splits:
    """Two-moons points shuffled once and cut into train / validation / test (70/15/15 by default)."""
    X, y = make_moons(n_samples=n, noise=noise, random_state=seed)
    order = np.random.default_rng(seed).permutation(n)
    X, y = X[order], y[order]
    n_train = int(round(fractions[0] * n))
    n_val = int(round(fractions[1] * n))
    cut = n_train + n_val
    return Splits(X[:n_train], y[:n_train], X[n_train:cut], y[n_train:cut], X[cut:], y[cut:])


# --- a 2-H-2 MLP in NumPy (ReLU hidden layer, softmax output, mean cross-entropy) -----------------

def mlp_init(rng: np.random.Generator, n_in: int = 2, n_hidden: int = 64, n_out: int = 2) -> dict:
    """He-initialised weights in a dict of float arrays."""
    return {"W1": rng.normal(0.0, np.sqrt(2.0 / n_in), (n_in, n_hidden)), "b1": np.zeros(n_hidden),
            "W2": rng.normal(0.0, np.sqrt(2.0 / n_hidden), (n_hidden, n_out)), "b2": np.zeros(n_out)}


def mlp_probabilities(params: dict, X: np.ndarray) -> np.ndarray:
    """Class probabilities, shape (n, n_out); a forward pass only."""
    hidden = np.maximum(0.0, X @ params["W1"] + params["b1"])
    logits = hidden @ params["W2"] + params["b2"]
    logits = logits - logits.max(axis=1, keepdims=True)
    expo = np.exp(logits)
    return expo / expo.sum(axis=1, keepdims=True)


def mlp_gradients(params: dict, X: np.ndarray, y: np.ndarray) -> dict:
    """Gradients of the mean cross-entropy with respect to every array in ``params``."""
    pre = X @ params["W1"] + params["b1"]
    hidden = np.maximum(0.0, pre)
    logits = hidden @ params["W2"] + params["b2"]
    logits = logits - logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    delta_out = probs.copy()
    delta_out[np.arange(len(y)), y] -= 1.0
    delta_out /= len(y)
    delta_hidden = (delta_out @ params["W2"].T) * (pre > 0)
    return {"W1": X.T @ delta_hidden, "b1": delta_hidden.sum(axis=0),
            "W2": hidden.T @ delta_out, "b2": delta_out.sum(axis=0)}


def mlp_loss_accuracy(params: dict, X: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Mean cross-entropy and accuracy on any split: forward pass only, the weights are untouched."""
    probs = mlp_probabilities(params, X)
    loss = -np.mean(np.log(probs[np.arange(len(y)), y] + 1e-12))
    return float(loss), float(np.mean(probs.argmax(axis=1) == y))


# --- figures -------------------------------------------------------------------------------------

def synthetic_val_curve(n_epochs: int = 60, seed: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """A training curve that keeps falling and a noisy U-shaped validation curve."""
    rng = np.random.default_rng(seed)
    t = np.arange(n_epochs)
    train = 0.15 + 1.2 * np.exp(-t / 9.0)
    val = 0.35 + 1.1 * np.exp(-t / 8.0) + 0.004 * np.maximum(t - 18, 0) + rng.normal(0, 0.018, n_epochs)
    return train, val


_PLAYER_FIGURES: dict = {}


def _player_figure(train: np.ndarray, val: np.ndarray):
    """The player of one pair of curves, built once: frames move the revealed curves and the markers."""
    key = (train.tobytes(), val.tobytes())
    if key not in _PLAYER_FIGURES:
        from matplotlib.figure import Figure

        fig = Figure(figsize=(7, 3), dpi=80)
        ax = fig.subplots()
        ax.plot(np.arange(len(val)), val, color="C1", alpha=0.15)
        (train_line,) = ax.plot([], [], color="C0", label="training loss")
        (val_line,) = ax.plot([], [], color="C1", label="validation loss")
        best = ax.axvline(0, color="green")
        stop = ax.axvline(0, color="red", ls="--")
        # the wasted epochs: below the curves like any patch, drawn after the (outward) ticks it never touches
        wasted = ax.axvspan(0, 1, color="red", alpha=0.08, zorder=1.6)
        ax.set_xlim(0, len(val) - 1)
        ax.set_ylim(0, max(val.max(), train.max()) * 1.05)
        ax.set_xlabel("epoch")
        ax.set_ylabel("loss")
        fig.subplots_adjust(bottom=0.17, top=0.88)
        redraw_only(fig, wasted)
        _PLAYER_FIGURES[key] = fig, ax, train_line, val_line, best, stop, wasted
    return _PLAYER_FIGURES[key]


def plot_player(train: np.ndarray, val: np.ndarray, epoch: int, best_epoch: int, stop_epoch: int | None,
                patience: int):
    """Curves revealed up to ``epoch``, with the best epoch and the stop epoch marked once reached.

    The figure of a pair of curves is built once and updated in place: show or save it before the next call.
    """
    fig, ax, train_line, val_line, best, stop, wasted = _player_figure(train, val)
    last_shown = min(epoch, len(val) - 1) if stop_epoch is None else min(epoch, stop_epoch)
    shown = np.arange(last_shown + 1)
    train_line.set_data(shown, train[shown])
    val_line.set_data(shown, val[shown])
    best.set_xdata([best_epoch, best_epoch])
    stopped = stop_epoch is not None and epoch >= stop_epoch
    if stopped:
        best.set(linestyle="--", label=f"best epoch {best_epoch}")
        stop.set(xdata=[stop_epoch, stop_epoch], label=f"stop epoch {stop_epoch}")
        wasted.set(x=best_epoch, width=stop_epoch - best_epoch)
        status = f"stopped: {stop_epoch - best_epoch} wasted epochs, restore epoch {best_epoch}"
    else:
        best.set(linestyle=":", label=f"best so far: epoch {best_epoch}")
        status = f"training, patience {patience}"
    stop.set_visible(stopped)
    wasted.set_visible(stopped)
    ax.set_title(f"epoch {epoch} - {status}", fontsize=9)
    ax.legend(handles=[train_line, val_line, best] + [stop] * stopped, fontsize=7, loc="upper right")
    return fig


def plot_shrinkage(tau: int, eta: float, lam_max: float = 40.0):
    """Per-direction shrinkage of early-stopped gradient descent and of ridge at alpha = 1 / (eta tau)."""
    lam = np.linspace(1e-3, lam_max, 400)
    alpha = 1 / (eta * tau)
    fig, ax = plt.subplots(figsize=(7, 3), dpi=80)
    ax.plot(lam, 1.0 - (1.0 - eta * lam) ** tau, label="gradient descent, τ steps")
    ax.plot(lam, 1.0 - np.exp(-eta * lam * tau), ls=":", label="exponential approximation")
    ax.plot(lam, lam / (lam + alpha), ls="--", label=f"ridge, α = 1/(ητ) = {alpha:.3g}")
    unstable = lam >= 2.0 / eta
    if unstable.any():
        ax.axvspan(2.0 / eta, lam_max, color="red", alpha=0.08, label="ηλ ≥ 2: GD diverges")
    ax.set_ylim(-0.6, 1.6)
    ax.set_xlim(0, lam_max)
    ax.set_xlabel("eigenvalue λ of the Hessian")
    ax.set_ylabel("fraction of w* reached")
    ax.set_title(f"τ = {tau}, η = {eta}", fontsize=9)
    ax.legend(fontsize=7, loc="lower right")
    fig.subplots_adjust(bottom=0.17, top=0.9)
    return fig
