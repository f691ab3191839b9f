"""The figure helper: static frames for the book, live sliders in a kernel, clear errors."""

import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pytest

from genml import figures
from genml.figures import StaticFigure, interactive_figure


def line_plot(slope, offset=0.0):
    fig, ax = plt.subplots(figsize=(2, 1.5), dpi=50)
    ax.plot([0, 1], [offset, offset + slope])
    ax.set_ylim(-3, 3)
    return fig


@pytest.fixture
def static(monkeypatch):
    monkeypatch.setenv(figures.STATIC_ENV, "1")


def test_static_mode_renders_one_frame_per_distinct_combination(static):
    fig = interactive_figure(line_plot, slope=[-1, 0, 1], offset=[0.0, 1.0])
    assert isinstance(fig, StaticFigure)
    assert len(fig.index) == 6
    assert len(fig.frames) == 6
    assert len(set(fig.frames)) == 6


def test_identical_frames_are_stored_once(static):
    fig = interactive_figure(lambda slope, unused: line_plot(slope), slope=[0, 1], unused=[1, 2, 3])
    assert len(fig.index) == 6 and len(fig.frames) == 2
    assert fig.index == [0, 0, 0, 1, 1, 1]


def test_static_html_has_range_inputs_frames_and_no_network(static):
    page = interactive_figure(line_plot, defaults={"slope": 1}, slope=[-1, 0, 1], offset=[0.0, 0.5])._repr_html_()
    inputs = re.findall(r'<input type="range" min="0" max="(\d+)" step="1" value="(\d+)"', page)
    assert inputs == [("2", "2"), ("1", "0")]
    assert "http://" not in page and "https://" not in page
    assert page.count("<script>") == 1


def test_over_budget_figure_is_refused_with_advice(static, monkeypatch):
    monkeypatch.setattr(figures, "MAX_FIGURE_BYTES", 1000)
    with pytest.raises(ValueError, match="budget"):
        interactive_figure(line_plot, slope=[0, 1])


@pytest.mark.parametrize("kwargs", [{}, {"slope": []}, {"slope": [0, 1], "defaults": {"slope": 5}}])
def test_bad_slider_specifications_raise_value_error(static, kwargs):
    with pytest.raises(ValueError):
        interactive_figure(line_plot, **kwargs)


def test_live_mode_gives_one_slider_per_parameter(monkeypatch):
    import ipywidgets

    monkeypatch.delenv(figures.STATIC_ENV, raising=False)
    box = interactive_figure(line_plot, defaults={"offset": 0.5}, slope=[-1, 0, 1], offset=[0.0, 0.5])
    sliders = [row.children[0] for row in box.children[0].children]
    assert [s.description for s in sliders] == ["slope", "offset"]
    assert all(isinstance(s, ipywidgets.SelectionSlider) for s in sliders)
    assert sliders[1].value == 0.5


def test_live_sliders_show_their_whole_value_label_and_follow_the_value(monkeypatch):
    import ipywidgets

    monkeypatch.delenv(figures.STATIC_ENV, raising=False)
    kinds = ["KFold (shuffled)", "StratifiedKFold", "TimeSeriesSplit"]
    box = interactive_figure(lambda kind, k: line_plot(k), defaults={"kind": "TimeSeriesSplit"}, kind=kinds,
                             k=[2, 0.25])
    (kind_slider, kind_label), (k_slider, k_label) = (row.children for row in box.children[0].children)
    assert not kind_slider.readout and isinstance(kind_label, ipywidgets.Label)
    assert kind_slider.style.description_width == "initial" and kind_label.layout.width == "max-content"
    assert (kind_label.value, k_label.value) == ("TimeSeriesSplit", "2")
    kind_slider.value = "KFold (shuffled)"
    k_slider.value = 0.25
    assert (kind_label.value, k_label.value) == ("KFold (shuffled)", "0.25")


def test_mixing_explorer_images_follow_alpha_at_a_fixed_quantile():
    import numpy as np

    from genml.vicinal import mixing_lambda, plot_mixing_explorer

    def panels(alpha, q):  # copies: the explorer updates one figure in place
        fig = plot_mixing_explorer(alpha=alpha, q=q)
        marked = fig.axes[0].lines[-1].get_xdata()[0]
        return marked, [np.array(ax.images[0].get_array()) for ax in fig.axes[1:]]

    (lam_small, small), (lam_large, large) = panels(0.2, 0.25), panels(2.0, 0.25)
    for before, after in zip(small, large, strict=True):  # Mixup and CutMix
        assert not np.allclose(before, after)
    assert (lam_small, lam_large) == pytest.approx((mixing_lambda(0.2, 0.25), mixing_lambda(2.0, 0.25)))
    assert mixing_lambda(0.2, 0.25) < mixing_lambda(2.0, 0.25) < 0.5  # small alpha: the lower quartile is near 0


@pytest.mark.parametrize("facecolor", ["white", (1, 1, 1, 0)])
def test_frames_have_the_pixels_savefig_writes(facecolor):
    import io

    from PIL import Image

    fig = line_plot(0.5)
    fig.set_facecolor(facecolor)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    with plt.rc_context({"savefig.dpi": 50}):  # a non-default setting takes the savefig path itself
        slow = figures._rgb_image(fig)
    fast = figures._rgb_image(fig)
    plt.close(fig)
    assert fast.tobytes() == Image.open(buffer).convert("RGB").tobytes() == slow.tobytes()


def test_redrawn_frames_of_a_reused_figure_equal_full_draws():
    import io

    from matplotlib.figure import Figure
    from PIL import Image

    fig = Figure(figsize=(3, 2), dpi=60)
    ax = fig.subplots()
    ax.plot([0, 1], [0, 1], lw=3, label="static, under the moving line")
    (moving,) = ax.plot([0, 1], [0, 0], lw=3, label="moving")
    ax.plot([0, 1], [1, 0], lw=3, label="static, over the moving line")
    ax.set_ylim(-1, 1)
    ax.legend(loc="lower left")
    figures.redraw_only(fig, moving, ax.title)
    for slope in (-1.0, 0.5, 1.0):
        moving.set_ydata([0, slope])
        moving.set_label(f"moving, slope {slope}")
        ax.set_title(f"slope {slope}")
        ax.legend(loc="lower left")  # a new legend each frame: drawn although redraw_only never saw it
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        assert figures._rgb_image(fig).tobytes() == Image.open(buffer).convert("RGB").tobytes()
    ax.set_ylim(-2, 2)  # new limits: the kept background is stale and must be drawn again
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    assert figures._rgb_image(fig).tobytes() == Image.open(buffer).convert("RGB").tobytes()


def test_live_figure_shows_a_png_whatever_the_backend(monkeypatch):
    import IPython.display
    from matplotlib.figure import Figure

    monkeypatch.delenv(figures.STATIC_ENV, raising=False)
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objects, **kwargs: shown.extend(objects))

    def bare_plot(slope):  # no pyplot: no backend ever registers a display formatter for it
        fig = Figure(figsize=(2, 1))
        fig.add_subplot().plot([0, 1], [0, slope])
        return fig

    interactive_figure(bare_plot, slope=[1, 2])
    assert len(shown) == 1 and isinstance(shown[0], IPython.display.Image), shown
    assert shown[0].data.startswith(b"\x89PNG")
