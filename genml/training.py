"""Data, models and plots for chapter 5 (tracking training and validation loss in PyTorch).

The data set is scikit-learn's two moons with label noise, small enough that a full training run
takes a second on one CPU core. Nothing here evaluates a model: the chapter writes its own loops.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

TRAIN_COLOUR, VAL_COLOUR = "#1f77b4", "#d62728"


def moons_datasets(n_train: int = 200, n_val: int = 500, noise: float = 0.3, flip: float = 0.05,
                   seed: int = 0) -> tuple[TensorDataset, TensorDataset]:
    """Training and validation sets of the two-moons problem; a fraction ``flip`` of labels is flipped.

    Inputs are float32 of shape (n, 2), labels int64 of shape (n,).
    """
    from sklearn.datasets import make_moons

    rng = np.random.default_rng(seed)
    x, y = make_moons(n_train + n_val, noise=noise, random_state=seed)
    y = np.where(rng.random(y.shape) < flip, 1 - y, y)
    x_t, y_t = torch.tensor(x, dtype=torch.float32), torch.tensor(y, dtype=torch.long)
    return (TensorDataset(x_t[:n_train], y_t[:n_train]), TensorDataset(x_t[n_train:], y_t[n_train:]))


def loaders(train: TensorDataset, val: TensorDataset, batch_size: int = 32, seed: int = 0):
    """A shuffling training loader (its own seeded generator) and a fixed-order validation loader."""
    generator = torch.Generator().manual_seed(seed)
    return (DataLoader(train, batch_size=batch_size, shuffle=True, generator=generator),
            DataLoader(val, batch_size=256, shuffle=False))


def mlp(hidden: int = 64, depth: int = 2, dropout: float = 0.0, seed: int = 0) -> nn.Sequential:
    """A ReLU network 2 -> hidden (x depth) -> 2 logits, with optional dropout after each hidden layer."""
    torch.manual_seed(seed)
    layers, width = [], 2
    for _ in range(depth):
        layers += [nn.Linear(width, hidden), nn.ReLU()]
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
        width = hidden
    layers.append(nn.Linear(width, 2))
    return nn.Sequential(*layers)


def plot_curves(ax, history: dict[str, list[float]], title: str = "") -> None:
    """Training and validation loss per epoch, the best validation epoch marked."""
    epochs = np.arange(1, len(history["train"]) + 1)
    ax.plot(epochs, history["train"], color=TRAIN_COLOUR, label="training loss")
    ax.plot(epochs, history["val"], color=VAL_COLOUR, label="validation loss")
    best = int(np.argmin(history["val"]))
    ax.axvline(best + 1, color="grey", ls=":", lw=1)
    ax.set_xlabel("epoch")
    ax.set_ylabel("cross-entropy")
    if title:
        ax.set_title(title, fontsize=9)
    ax.legend(fontsize=7)


def plot_smoothing(values, smoothed: dict[str, np.ndarray], title: str = ""):
    """A noisy curve and its smoothed versions."""
    fig, ax = plt.subplots(figsize=(7, 3), dpi=80)
    fig.subplots_adjust(left=0.09, right=0.98, bottom=0.16, top=0.9)
    epochs = np.arange(1, len(values) + 1)
    ax.plot(epochs, values, color=VAL_COLOUR, alpha=0.35, lw=1, label="raw validation loss")
    for (name, curve), colour in zip(smoothed.items(), ["#1f77b4", "#2ca02c", "#9467bd"], strict=False):
        ax.plot(np.arange(len(values) - len(curve) + 1, len(values) + 1), curve, color=colour, lw=2, label=name)
    ax.set_xlabel("epoch")
    ax.set_ylabel("validation loss")
    ax.set_title(title, fontsize=9)
    ax.legend(fontsize=7)
    return fig
