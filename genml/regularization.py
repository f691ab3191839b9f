"""Demo helpers for the chapter on weight decay and dropout (plots and one-step optimiser comparisons).

Nothing here is an exercise answer: the exercises ask for NumPy implementations written from scratch.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np


def decay_trajectory(w0: float, lr: float, lam: float, steps: int) -> np.ndarray:
    """Weight after 0..steps pure-decay updates w <- w (1 - 2 lr lam) (no data gradient)."""
    return w0 * (1.0 - 2.0 * lr * lam) ** np.arange(steps + 1)


def one_step(optimizer_name: str, w0, grad, lr: float, weight_decay: float) -> np.ndarray:
    """Weights after one PyTorch optimiser step from ``w0`` with a fixed data gradient ``grad``.

    ``optimizer_name`` is ``"SGD"``, ``"Adam"`` or ``"AdamW"``; ``weight_decay`` is passed to the
    optimiser unchanged, so this shows what each optimiser does with it.
    """
    import torch

    w = torch.tensor(np.asarray(w0, dtype=np.float64), requires_grad=True)
    optimizer = getattr(torch.optim, optimizer_name)([w], lr=lr, weight_decay=weight_decay)
    w.grad = torch.tensor(np.asarray(grad, dtype=np.float64))
    optimizer.step()
    return w.detach().numpy().copy()


def plot_dropout_masks(p: float, n_units: int = 16, n_steps: int = 6, seed: int = 0):
    """Masks of ``n_steps`` training forward passes through one layer of ``n_units`` (dark = dropped)."""
    rng = np.random.default_rng(seed)
    keep = rng.random((n_steps, n_units)) >= p
    fig, ax = plt.subplots(figsize=(7, 2.4), dpi=80)
    fig.subplots_adjust(left=0.12, right=0.98, bottom=0.2, top=0.85)
    ax.imshow(keep, cmap="Greys_r", vmin=-0.3, vmax=1, aspect="auto")
    ax.set_yticks(range(n_steps), [f"step {i + 1}" for i in range(n_steps)], fontsize=7)
    ax.set_xticks([0, n_units - 1], ["unit 1", f"unit {n_units}"], fontsize=7)
    ax.set_title(f"p = {p:g}: {keep.sum(axis=1).mean():.1f} of {n_units} units kept on average "
                 f"(expected {n_units * (1 - p):g})", fontsize=9)
    return fig
