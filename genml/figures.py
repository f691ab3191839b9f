"""One figure helper for every slider demo of the course.

``interactive_figure(plot, degree=range(1, 16), noise=[0.1, 0.3])`` gives

* live ipywidgets sliders when a kernel is attached to a front end (JupyterLab), and
* a self-contained HTML figure when the book is built: every combination of slider values is
  rendered once into a small PNG frame, and a few lines of JavaScript swap frames as the reader moves
  the range inputs. No kernel, no network.

The book build switches to the static form by setting ``GENML_STATIC_FIGURES=1`` (the Sphinx
extension :mod:`genml.book_extension` does it before any notebook runs).

Frames are the pixels ``savefig`` would write, read from the Agg canvas. A plot function with many
frames may build its figure once, update it in place and name the moving artists with
:func:`redraw_only`: each frame then repaints only those (and what lies above them).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import json
import os
from collections.abc import Callable, Sequence

STATIC_ENV = "GENML_STATIC_FIGURES"
MAX_FIGURE_BYTES = 2_000_000
PNG_COLOURS = 32


def static_mode() -> bool:
    """True when figures must be rendered for a static page (the book build)."""
    return os.environ.get(STATIC_ENV, "") not in ("", "0")


def _check_sliders(sliders: dict[str, Sequence]) -> dict[str, list]:
    if not sliders:
        raise ValueError("interactive_figure needs at least one slider, e.g. degree=range(1, 16)")
    checked = {}
    for name, values in sliders.items():
        values = list(values)
        if not values:
            raise ValueError(f"slider {name!r} has no values")
        checked[name] = values
    return checked


def _draw_order(ax) -> list:
    """The artists that ``Axes.draw`` paints after the Axes patch, in its order."""
    order = ax.get_children()
    order.remove(ax.patch)
    if not (ax.axison and ax.get_frame_on()):
        order = [a for a in order if a not in ax.spines.values()]
    if not ax.axison:
        order = [a for a in order if a not in (ax.xaxis, ax.yaxis)]
    return sorted(order, key=lambda artist: artist.get_zorder())


def redraw_only(fig, *dynamic) -> None:
    """Declare the artists of a figure that a plot function updates in place from one frame to the next.

    For a figure built once and reused for many frames: static frames then draw, once, what each Axes
    paints before its first dynamic artist, keep it as a background and, per frame, paint the rest on
    top in the Axes' own order (the same pixels as a full draw). Artists added later, such as a new
    legend, count as dynamic. Call it once, after the static part is complete; ``savefig`` and the live
    form still draw everything.
    """
    static = {}
    for ax in fig.axes:
        order = _draw_order(ax)
        first = min((order.index(a) for a in dynamic if a in order), default=None)
        if first is not None:
            static[ax] = {id(a) for a in order[:first]}
    fig.genml_redraw = {"static": static, "background": None, "limits": None}


def _draw_agg(fig, canvas) -> None:
    """canvas.draw(), or the background of a :func:`redraw_only` figure with its dynamic artists on top."""
    state = getattr(fig, "genml_redraw", None)
    if state is None:
        canvas.draw()
        return
    late = [a for ax, kept in state["static"].items() for a in _draw_order(ax) if id(a) not in kept]
    limits = [(ax.get_xlim(), ax.get_ylim()) for ax in state["static"]] + [canvas.get_width_height()]
    if state["background"] is None or limits != state["limits"]:
        for artist in late:
            artist.set_animated(True)  # left out of canvas.draw(), kept by savefig
        canvas.draw()
        state["background"], state["limits"] = canvas.copy_from_bbox(fig.bbox), limits
    else:
        canvas.restore_region(state["background"])
    renderer = canvas.get_renderer()
    for artist in late:
        artist.draw(renderer)


def _rgb_image(fig):
    """The figure's pixels as ``savefig(format="png")`` would write them, without the PNG round trip.

    With the default savefig settings (dpi and face colour of the figure, no tight bounding box) savefig
    draws the figure on an Agg canvas and encodes that buffer; reading the buffer directly gives the same
    pixels for a fraction of the time. Other settings fall back to savefig.
    """
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    rc = matplotlib.rcParams
    if (rc["savefig.dpi"], rc["savefig.facecolor"], rc["savefig.edgecolor"], rc["savefig.bbox"],
            rc["savefig.transparent"]) != ("figure", "auto", "auto", None, False):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    _draw_agg(fig, canvas)
    return Image.frombuffer("RGBA", canvas.get_width_height(physical=True), canvas.buffer_rgba()).convert("RGB")


def _png_bytes(fig) -> bytes:
    """Render a matplotlib figure to a palette PNG (small enough for many frames)."""
    from PIL import Image

    small = _rgb_image(fig).quantize(colors=PNG_COLOURS, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    small.save(out, format="PNG", compress_level=8)  # within 2 % of level 9's size, three times faster
    return out.getvalue()


def render_frames(plot: Callable, sliders: dict[str, list]) -> tuple[list[str], list[int]]:
    """Render every slider combination; return the distinct frames and, per combination, its frame."""
    import matplotlib.pyplot as plt

    frames: list[str] = []
    seen: dict[bytes, int] = {}
    index: list[int] = []
    names = list(sliders)
    for combo in itertools.product(*sliders.values()):
        fig = plot(**dict(zip(names, combo, strict=True)))
        data = _png_bytes(fig)
        plt.close(fig)
        if data not in seen:
            seen[data] = len(frames)
            frames.append(base64.b64encode(data).decode("ascii"))
        index.append(seen[data])
    return frames, index


_SCRIPT = """
(function () {
  var root = document.getElementById(%(id)s);
  var frames = %(frames)s, index = %(index)s, sizes = %(sizes)s;
  var inputs = root.querySelectorAll("input[type=range]");
  var image = root.querySelector("img");
  function update() {
    var flat = 0;
    for (var i = 0; i < inputs.length; i++) {
      flat = flat * sizes[i] + Number(inputs[i].value);
      var shown = inputs[i].parentNode.querySelector("output");
      shown.textContent = JSON.parse(inputs[i].dataset.values)[Number(inputs[i].value)];
    }
    image.src = "data:image/png;base64," + frames[index[flat]];
    root.dataset.frame = String(index[flat]);
  }
  for (var i = 0; i < inputs.length; i++) { inputs[i].addEventListener("input", update); }
  update();
})();
"""


def _label(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


class StaticFigure:
    """A precomputed slider figure that renders as self-contained HTML."""

    def __init__(self, plot: Callable, sliders: dict[str, list], defaults: dict, title: str):
        self.sliders = sliders
        self.defaults = defaults
        self.title = title
        self.frames, self.index = render_frames(plot, sliders)
        digest = hashlib.sha256("".join(self.frames).encode()).hexdigest()[:12]
        self.element_id = f"genml-figure-{digest}"
        size = len(self._repr_html_())
        if size > MAX_FIGURE_BYTES:
            raise ValueError(
                f"static figure {title!r} weighs {size / 1e6:.2f} MB, over the "
                f"{MAX_FIGURE_BYTES / 1e6:.0f} MB budget: use fewer slider values or a smaller figure"
            )

    def _controls(self) -> str:
        rows = []
        for name, values in self.sliders.items():
            start = values.index(self.defaults[name])
            labels = json.dumps([_label(v) for v in values])
            rows.append(
                '<label class="genml-slider" style="display:inline-flex;align-items:center;gap:0.4em;'
                'margin-right:1.5em">'
                f"<span>{html.escape(name)}</span> "
                f'<input type="range" min="0" max="{len(values) - 1}" step="1" value="{start}" '
                f'data-name="{html.escape(name)}" data-values="{html.escape(labels)}" '
                f'aria-label="{html.escape(name)}"> '
                f"<output>{html.escape(_label(values[start]))}</output></label>"
            )
        return "\n".join(rows)

    def _repr_html_(self) -> str:
        script = _SCRIPT % {
            "id": json.dumps(self.element_id),
            "frames": json.dumps(self.frames),
            "index": json.dumps(self.index),
            "sizes": json.dumps([len(v) for v in self.sliders.values()]),
        }
        return (
            f'<div class="genml-figure" id="{self.element_id}">'
            f'<div class="genml-controls">{self._controls()}</div>'
            f'<img alt="{html.escape(self.title)}" style="max-width:100%">'
            f"</div>\n<script>{script}</script>"
        )


def _labelled_slider(name: str, values: list, value):
    """A SelectionSlider whose full value label sits in a Label beside it.

    The slider's own readout has a fixed narrow width and cuts long labels ("KFold (shuffl"), so it is
    switched off and a Label that grows with its text follows the slider's value instead.
    """
    import ipywidgets as widgets

    labels = [_label(v) for v in values]
    slider = widgets.SelectionSlider(
        options=list(zip(labels, values, strict=True)), value=value, description=name, readout=False,
        continuous_update=False, style={"description_width": "initial"},
    )
    # a Label carries the widget-label class, whose stylesheet width would cut long values again:
    # size it by its content, at least as wide as the longest value so the slider does not jump
    readout = widgets.Label(_label(value), layout=widgets.Layout(
        width="max-content", min_width=f"{max(map(len, labels)) + 1}ch", overflow="visible"))

    def follow(change):
        readout.value = _label(change["new"])

    slider.observe(follow, names="value")
    return slider, widgets.HBox([slider, readout], layout=widgets.Layout(margin="0 1.5em 0 0"))


def _live_figure(plot: Callable, sliders: dict[str, list], defaults: dict):
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure
    from IPython.display import Image, display

    controls, rows = {}, []
    for name, values in sliders.items():
        controls[name], row = _labelled_slider(name, values, defaults[name])
        rows.append(row)

    def draw(**params):
        # The PNG the inline backend would show, made here: a figure built without pyplot (or a kernel whose
        # backend is not the inline one) would otherwise be shown as "<Figure size ...>".
        fig = plot(**params)
        display(Image(data=print_figure(fig, "png", bbox_inches="tight")))
        plt.close(fig)

    output = widgets.interactive_output(draw, controls)
    return widgets.VBox([widgets.HBox(rows, layout=widgets.Layout(flex_flow="row wrap")), output])


def interactive_figure(plot: Callable, *, title: str = "interactive figure", defaults: dict | None = None,
                       **sliders: Sequence):
    """Turn ``plot(**params) -> matplotlib.figure.Figure`` and slider values into an interactive figure.

    Each keyword names a parameter of ``plot`` and gives the values its slider walks through.
    ``defaults`` picks the starting value of any slider (else its first value).
    Returns live ipywidgets in a kernel, or a :class:`StaticFigure` in a book build.
    """
    checked = _check_sliders(sliders)
    start = {name: values[0] for name, values in checked.items()}
    for name, value in (defaults or {}).items():
        if name not in checked or value not in checked[name]:
            raise ValueError(f"default {name}={value!r} is not one of that slider's values")
        start[name] = value
    if static_mode():
        return StaticFigure(plot, checked, start, title)
    return _live_figure(plot, checked, start)
