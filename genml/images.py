"""Images and demo plots for the chapter on data augmentation.

The sample photograph is Grace Hopper's public-domain portrait that matplotlib ships with its sample
data (no download). Warps here go through PyTorch's ``affine_grid`` / ``grid_sample`` and matrices
through matplotlib's ``Affine2D``: library tools for the figures, not the exercises' from-scratch code.
"""

from __future__ import annotations

from functools import cache

import matplotlib.pyplot as plt
import numpy as np

from genml.figures import redraw_only


def letter_f() -> np.ndarray:
    """The 5x5 grayscale letter "F" of the walk-through (1 = white stroke, 0 = black background)."""
    return np.array([[0, 0, 0, 0, 0],
                     [0, 1, 1, 1, 0],
                     [0, 1, 0, 0, 0],
                     [0, 1, 1, 0, 0],
                     [0, 0, 0, 0, 0]], dtype=float)


@cache
def _hopper_rgb() -> np.ndarray:
    import matplotlib.cbook as cbook
    import matplotlib.image as mpimg

    with cbook.get_sample_data("grace_hopper.jpg") as handle:
        return mpimg.imread(handle, format="jpg")


def sample_image(size: int = 64, gray: bool = True) -> np.ndarray:
    """Grace Hopper's portrait, square-cropped and downscaled to ``size`` x ``size``, values in [0, 1].

    Returns a new array of shape ``(size, size)`` if ``gray`` else ``(size, size, 3)``.
    """
    return _sample_image(size, gray).copy()


@cache
def _sample_image(size: int, gray: bool) -> np.ndarray:
    import torch
    import torch.nn.functional as F

    rgb = _hopper_rgb().astype(np.float32) / 255.0  # (600, 512, 3)
    side = min(rgb.shape[:2])
    top = (rgb.shape[0] - side) // 4  # keep the face, which sits in the upper part
    square = torch.from_numpy(np.ascontiguousarray(rgb[top:top + side, :side])).permute(2, 0, 1)[None]
    small = F.interpolate(square, size=(size, size), mode="bilinear", antialias=True, align_corners=False)[0]
    small = small.clamp(0, 1).permute(1, 2, 0).numpy().astype(float)
    if gray:
        return small @ np.array([0.299, 0.587, 0.114])
    return small


def affine_about_centre(angle: float = 0.0, scale: float = 1.0, shear: float = 0.0, tx: float = 0.0,
                        ty: float = 0.0, flip: bool = False, size: int = 64) -> np.ndarray:
    """3x3 matrix (x = column, y = row, pixel centres at integers) built with matplotlib's Affine2D:
    move the centre to the origin, flip, shear, scale, rotate, move back, then translate."""
    from matplotlib.transforms import Affine2D

    c = (size - 1) / 2.0
    t = Affine2D().translate(-c, -c)
    if flip:
        t = t.scale(-1.0, 1.0)
    t = t.skew(np.arctan(shear), 0.0).scale(scale).rotate_deg(angle).translate(c + tx, c + ty)
    return t.get_matrix().copy()


def warp_torch(image: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    """Bilinear inverse-mapping warp of a 2-D image with PyTorch's ``grid_sample`` (zeros outside)."""
    import torch
    import torch.nn.functional as F

    h, w = image.shape
    # normalised coordinates u = 2 x / (W - 1) - 1 (align_corners=True: -1 and 1 are the corner centres)
    to_norm = np.array([[2.0 / (w - 1), 0, -1], [0, 2.0 / (h - 1), -1], [0, 0, 1]])
    theta = to_norm @ np.linalg.inv(matrix) @ np.linalg.inv(to_norm)  # output -> input, normalised
    grid = F.affine_grid(torch.tensor(theta[None, :2], dtype=torch.float64), [1, 1, h, w], align_corners=True)
    out = F.grid_sample(torch.tensor(image[None, None], dtype=torch.float64), grid, mode="bilinear",
                        padding_mode="zeros", align_corners=True)
    return out[0, 0].numpy()


def _show(ax, image, title):
    ax.imshow(image, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_title(title, fontsize=8)
    ax.set_xticks([])
    ax.set_yticks([])


@cache
def _geometric_figure(size: int):
    """The geometric explorer drawn once; frames swap the transformed image and the matrix text."""
    from matplotlib.figure import Figure

    image = sample_image(size)
    fig = Figure(figsize=(6.4, 2.3), dpi=72)
    axes = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1, 1, 1.2]})
    fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.86, wspace=0.08)
    _show(axes[0], image, "original")
    _show(axes[1], image, "transformed (bilinear)")
    axes[2].axis("off")
    matrix = axes[2].text(0.0, 0.5, "", family="monospace", fontsize=8, va="center")
    redraw_only(fig, axes[1].images[0], matrix)
    return fig, axes[1].images[0], matrix


def plot_geometric_explorer(angle: float, scale: float, shear: float, tx: float, flip: int, size: int = 64):
    """Original, transformed image and the 3x3 matrix of the transform (about the image centre).

    The figure is built once and updated in place: show or save it before the next call.
    """
    fig, transformed, matrix = _geometric_figure(size)
    m = affine_about_centre(angle=angle, scale=scale, shear=shear, tx=tx, flip=bool(flip), size=size)
    transformed.set_data(warp_torch(sample_image(size), m))
    rows = "\n".join("[" + " ".join(f"{v:7.2f}" for v in row) + " ]" for row in m)
    matrix.set_text("matrix M (x = column, y = row):\n" + rows)
    return fig


@cache
def _workshop_figure(size: int):
    """The augmentation workshop drawn once; frames swap the augmented image, its histogram and the title."""
    from matplotlib.figure import Figure

    image = sample_image(size)
    fig = Figure(figsize=(6.4, 2.4), dpi=72)
    axes = fig.subplots(1, 3)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.14, top=0.86, wspace=0.25)
    _show(axes[0], image, "original")
    _show(axes[1], image, "augmented, clipped to [0, 1]")
    bins = np.linspace(0, 1, 33)
    axes[2].hist(image.ravel(), bins=bins, alpha=0.6, label="original")
    *_, bars = axes[2].hist(image.ravel(), bins=bins, alpha=0.6, label="augmented")
    axes[2].set_yticks([])
    axes[2].set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
    axes[2].tick_params(labelsize=7)
    axes[2].legend(fontsize=6)
    redraw_only(fig, axes[1].images[0], *bars, axes[2].title)
    return fig, axes[1].images[0], bars, bins


def plot_augmentation_workshop(brightness: float, contrast: float, noise: float, size: int = 64):
    """The sample image with additive brightness, contrast about the mean and Gaussian noise, clipped.

    The figure is built once and updated in place: show or save it before the next call.
    """
    image = sample_image(size)
    rng = np.random.default_rng(0)
    mean = image.mean()
    out = mean + contrast * (image - mean) + brightness + noise * rng.standard_normal(image.shape)
    clipped = np.clip(out, 0, 1)
    fig, augmented, bars, bins = _workshop_figure(size)
    augmented.set_data(clipped)
    for bar, count in zip(bars, np.histogram(clipped.ravel(), bins=bins)[0], strict=True):
        bar.set_height(count)
    hist_ax = fig.axes[2]
    hist_ax.relim()  # the count axis follows the new heights, as a fresh histogram's would
    hist_ax.autoscale_view()
    hist_ax.set_title(f"clipped: {np.mean((out < 0) | (out > 1)):.0%} of pixels", fontsize=8)
    return fig


LUMA = np.array([0.299, 0.587, 0.114])  # the grey value of an RGB pixel (ITU-R 601 weights, as torchvision)


def saturate(image: np.ndarray, factor: float) -> tuple[np.ndarray, np.ndarray]:
    """Blend an RGB image (H, W, 3) in [0, 1] with its grey version: factor 0 is grey, 1 the original.

    Returns (clipped result, unclipped result); the blend is the one torchvision's
    ``adjust_saturation`` uses.
    """
    grey = (image @ LUMA)[..., None]
    raw = grey + factor * (image - grey)
    return np.clip(raw, 0.0, 1.0), raw


def plot_saturation_workshop(saturation: float, size: int = 64):
    """The colour sample image at a saturation factor, and how far each pixel is from grey."""
    image = sample_image(size, gray=False)
    clipped, raw = saturate(image, saturation)
    fig, axes = plt.subplots(1, 3, figsize=(6.4, 2.4), dpi=72)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.16, top=0.86, wspace=0.25)
    for ax, img, title in [(axes[0], image, "original"), (axes[1], clipped, f"saturation × {saturation:g}")]:
        ax.imshow(img, interpolation="nearest")
        ax.set_title(title, fontsize=8)
        ax.set_xticks([])
        ax.set_yticks([])
    bins = np.linspace(0, 1, 26)
    axes[2].hist((image.max(axis=2) - image.min(axis=2)).ravel(), bins=bins, alpha=0.6, label="original")
    axes[2].hist((clipped.max(axis=2) - clipped.min(axis=2)).ravel(), bins=bins, alpha=0.6, label="augmented")
    axes[2].set_yticks([])
    axes[2].set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
    axes[2].tick_params(labelsize=7)
    axes[2].set_xlabel("max - min over R, G, B (0 = grey)", fontsize=7)
    clipped_share = np.mean((raw < 0) | (raw > 1))
    axes[2].set_title(f"{clipped_share:.0%} of channel values clipped", fontsize=8)
    axes[2].legend(fontsize=6)
    return fig


FACE_BOX = (17.0, 2.0, 45.0, 42.0)  # (left, top, right, bottom) of the head in the 64-pixel sample image


def translate_box(box, tx: float, ty: float, size: int = 64) -> tuple[tuple[float, ...], float]:
    """Move a (left, top, right, bottom) box by (tx, ty), clip it to the image; return it and the share left."""
    left, top, right, bottom = box
    moved = (left + tx, top + ty, right + tx, bottom + ty)
    clipped = (max(moved[0], 0.0), max(moved[1], 0.0), min(moved[2], float(size)), min(moved[3], float(size)))
    area = max(clipped[2] - clipped[0], 0.0) * max(clipped[3] - clipped[1], 0.0)
    return clipped, area / ((right - left) * (bottom - top))


def plot_translation_workshop(tx: int, ty: int, size: int = 64):
    """Shift the colour sample image by (tx, ty) pixels; the target box moves with the same matrix."""
    from matplotlib.patches import Rectangle

    image = sample_image(size, gray=False)
    m = affine_about_centre(tx=tx, ty=ty, size=size)
    shifted = np.stack([warp_torch(image[..., k], m) for k in range(3)], axis=-1).clip(0, 1)
    box, kept = translate_box(FACE_BOX, tx, ty, size)
    fig, axes = plt.subplots(1, 2, figsize=(5.2, 2.7), dpi=72)
    fig.subplots_adjust(left=0.02, right=0.98, bottom=0.04, top=0.78, wspace=0.08)
    for ax, img, b, title in [(axes[0], image, FACE_BOX, "original, target box"),
                              (axes[1], shifted, box, f"shifted by ({tx}, {ty}) px")]:
        ax.imshow(img, interpolation="nearest")
        ax.add_patch(Rectangle((b[0] - 0.5, b[1] - 0.5), b[2] - b[0], b[3] - b[1], fill=False, lw=2,
                               edgecolor="#ffdd00"))
        ax.set_xlim(-0.5, size - 0.5)
        ax.set_ylim(size - 0.5, -0.5)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(title, fontsize=8)
    fill = np.mean(np.all(shifted == 0, axis=2))
    fig.suptitle(f"class label unchanged; the box moves with the image, {kept:.0%} of it still in the frame\n"
                 f"{fill:.0%} of the shifted image is fill", fontsize=7)
    return fig
