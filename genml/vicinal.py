"""Demos of chapter 10: vicinal risk, mixing augmentations and noise injection.

Two tiny synthetic images for showing Mixup, CutMix and CutOut, the Beta(alpha, alpha) mixing
explorer, and a small PyTorch experiment on two moons (plain ERM against Mixup). The mixing shown
here uses library calls (``scipy.stats.beta``, ``torch.distributions.Beta``); the exercises build
the same operations from scratch.
"""

from __future__ import annotations

from functools import cache

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from genml.figures import redraw_only


def toy_images(size: int = 32) -> np.ndarray:
    """Two RGB images of shape (3, size, size) in [0, 1]: a yellow disk and blue diagonal stripes."""
    yy, xx = np.mgrid[0:size, 0:size] / (size - 1)
    disk = ((xx - 0.5) ** 2 + (yy - 0.5) ** 2 < 0.3 ** 2).astype(float)
    stripes = (np.floor((xx + yy) * 5) % 2).astype(float)
    first = np.stack([disk, disk, 0.15 * disk]) * 0.95 + 0.05
    second = np.stack([0.1 * stripes, 0.35 * stripes, stripes]) * 0.95 + 0.05
    return np.stack([first, second])


def corner_box(lam: float, height: int, width: int) -> tuple[int, int, int, int]:
    """Box (top, bottom, left, right) in the top-right corner covering a fraction about 1 - lam of the area."""
    ratio = np.sqrt(1.0 - lam)
    cut_h, cut_w = int(round(height * ratio)), int(round(width * ratio))
    return 0, cut_h, width - cut_w, width


def _show(ax, image, title):
    ax.imshow(np.clip(np.transpose(image, (1, 2, 0)), 0, 1), interpolation="nearest")
    ax.set_title(title, fontsize=9)
    ax.set_xticks([])
    ax.set_yticks([])


def mixing_lambda(alpha: float, q: float) -> float:
    """The mixing weight at rank ``q`` of Beta(alpha, alpha): its q-quantile."""
    return float(stats.beta(alpha, alpha).ppf(q))


@cache
def _mixing_figure():
    """The mixing explorer built once; frames redraw the density, the shaded quantile, lambda and the images."""
    from matplotlib.figure import Figure

    images = toy_images()
    fig = Figure(figsize=(8, 2.6), dpi=80)
    axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.6, 1, 1]})
    grid = np.linspace(0.005, 0.995, 300)
    (density,) = axes[0].plot(grid, np.ones_like(grid), color="C0")
    marker = axes[0].axvline(0.5, color="C3", lw=1.5)
    axes[0].set_ylim(0, 5)
    axes[0].set_xlabel("λ")
    _show(axes[1], images[0], "Mixup")
    _show(axes[2], images[0], "CutMix")
    fig.subplots_adjust(left=0.06, right=0.98, bottom=0.2, top=0.86, wspace=0.25)
    shading = [axes[0].fill_between(grid, 0, 0)]
    redraw_only(fig, shading[0], density, *(ax.images[0] for ax in axes[1:]))
    return fig, grid, density, shading, marker, images


def plot_mixing_explorer(alpha: float, q: float):
    """Beta(alpha, alpha) density with lambda at its q-quantile, and the Mixup / CutMix images that lambda gives.

    lambda is not a free slider: it is the draw of rank ``q`` (a fraction q of all draws fall below it),
    so changing alpha moves lambda and with it both images. The figure is built once and updated in
    place: show or save it before the next call.
    """
    fig, grid, density, shading, marker, images = _mixing_figure()
    axes = fig.axes
    lam = mixing_lambda(alpha, q)
    pdf = stats.beta(alpha, alpha).pdf(grid)
    density.set_ydata(pdf)
    shading.pop().remove()
    shading.append(axes[0].fill_between(grid, pdf, where=grid <= lam, color="C0", alpha=0.25, lw=0))
    marker.set_xdata([lam, lam])
    axes[0].set_title(f"Beta({alpha:g}, {alpha:g}): its {q:g}-quantile is λ = {lam:.2f}", fontsize=9)
    axes[1].images[0].set_data(np.clip(np.transpose(lam * images[0] + (1 - lam) * images[1], (1, 2, 0)), 0, 1))
    axes[1].set_title(f"Mixup: label [{lam:.2f}, {1 - lam:.2f}]", fontsize=9)
    top, bottom, left, right = corner_box(lam, 32, 32)
    cut = images[0].copy()
    cut[:, top:bottom, left:right] = images[1][:, top:bottom, left:right]
    area_lam = 1 - (bottom - top) * (right - left) / 32 ** 2
    axes[2].images[0].set_data(np.clip(np.transpose(cut, (1, 2, 0)), 0, 1))
    axes[2].set_title(f"CutMix: label [{area_lam:.2f}, {1 - area_lam:.2f}]", fontsize=9)
    return fig


@cache
def moons(n: int = 60, noise: float = 0.25, seed: int = 0):
    """A small two-moons training set and a large test set from the same distribution (float32)."""
    from sklearn.datasets import make_moons

    x_train, y_train = make_moons(n, noise=noise, random_state=seed)
    x_test, y_test = make_moons(4000, noise=noise, random_state=seed + 1)
    return (x_train.astype(np.float32), y_train, x_test.astype(np.float32), y_test)


def train_moons(mixup_alpha: float | None, n: int = 60, epochs: int = 400, seed: int = 0):
    """Train a 2-64-64-2 MLP on two moons with Adam, full batch; Mixup if ``mixup_alpha`` is given.

    Returns the trained model and its train and test accuracy.
    """
    import torch
    from torch import nn

    x_train, y_train, x_test, y_test = moons(n, seed=seed)
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-2)
    x = torch.from_numpy(x_train)
    targets = nn.functional.one_hot(torch.from_numpy(y_train), 2).float()
    beta = torch.distributions.Beta(mixup_alpha, mixup_alpha) if mixup_alpha else None
    for _ in range(epochs):
        inputs, soft = x, targets
        if beta is not None:
            lam = beta.sample()
            perm = torch.randperm(len(x))
            inputs = lam * x + (1 - lam) * x[perm]
            soft = lam * targets + (1 - lam) * targets[perm]
        loss = torch.sum(-soft * torch.log_softmax(model(inputs), dim=1), dim=1).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
    with torch.no_grad():
        train_acc = (model(x).argmax(1).numpy() == y_train).mean()
        test_acc = (model(torch.from_numpy(x_test)).argmax(1).numpy() == y_test).mean()
    return model, float(train_acc), float(test_acc)


def plot_moons_boundaries(models: dict, n: int = 60, seed: int = 0):
    """Predicted probability of class 1 for each model over the plane, with the training points."""
    import torch

    x_train, y_train, _, _ = moons(n, seed=seed)
    g0, g1 = np.meshgrid(np.linspace(-1.8, 2.8, 160), np.linspace(-1.3, 1.8, 120))
    grid = torch.from_numpy(np.c_[g0.ravel(), g1.ravel()].astype(np.float32))
    fig, axes = plt.subplots(1, len(models), figsize=(4 * len(models), 3), dpi=80, sharey=True)
    for ax, (title, model) in zip(np.atleast_1d(axes), models.items(), strict=True):
        with torch.no_grad():
            prob = torch.softmax(model(grid), dim=1)[:, 1].numpy().reshape(g0.shape)
        contour = ax.contourf(g0, g1, prob, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.8)
        ax.contour(g0, g1, prob, levels=[0.5], colors="k", linewidths=1)
        ax.scatter(x_train[:, 0], x_train[:, 1], c=y_train, cmap="RdBu_r", edgecolors="k", s=18)
        ax.set_title(title, fontsize=9)
    fig.colorbar(contour, ax=axes, shrink=0.9, label="P(class 1)")
    return fig
