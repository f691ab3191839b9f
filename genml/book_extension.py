"""Sphinx extension loaded by the book build (see ``_config.yml``).

* It switches the figure helper to its static form before any notebook executes: the kernels that
  MyST-NB starts inherit this process's environment.
* It makes every page work offline: MathJax is served from ``_static/mathjax`` (copied from the
  ``sphinx-mathjax-offline`` package on PyPI) instead of a CDN, and the thebe loader, which would
  fetch thebe from a CDN, is left out of the pages.
* Every chapter page offers its notebook (:mod:`genml.chapter_downloads`).
* The notebooks execute in parallel before Sphinx reads them (:mod:`genml.parallel_execution`).
"""

from __future__ import annotations

import os
from importlib.metadata import distribution
from pathlib import Path

from sphinx.util.fileutil import copy_asset

from genml import chapter_downloads, parallel_execution
from genml.figures import STATIC_ENV

MATHJAX_SCRIPT = "mathjax/tex-mml-chtml.js"


def mathjax_source() -> Path:
    """The MathJax 3 distribution shipped inside the sphinx-mathjax-offline wheel."""
    folder = Path(distribution("sphinx-mathjax-offline").locate_file("sphinx-mathjax-offline/static/mathjax"))
    if not (folder / "tex-mml-chtml.js").is_file():
        raise FileNotFoundError(f"MathJax not found in {folder}: is sphinx-mathjax-offline installed?")
    return folder


def _copy_mathjax(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        copy_asset(str(mathjax_source()), os.path.join(app.outdir, "_static", "mathjax"))


def _is_thebe(script) -> bool:
    filename = getattr(script, "filename", "") or ""
    body = (getattr(script, "attributes", {}) or {}).get("body", "")
    return "thebe" in filename or "THEBE_JS_URL" in body


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context:
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe(s)]


def setup(app):
    os.environ[STATIC_ENV] = "1"
    mathjax_source()  # fail early, with a clear message, if the local MathJax is missing
    app.config.mathjax_path = MATHJAX_SCRIPT
    app.connect("html-page-context", _drop_thebe)
    app.connect("build-finished", _copy_mathjax)
    chapter_downloads.setup(app)
    parallel_execution.setup(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
