"""Every chapter page offers its notebook: a ``.ipynb`` made from the MyST source, and a "run this
chapter" note. Connected to the book build by :mod:`genml.book_extension`.

The notebook holds the chapter's cells as its source has them (the code the page shows and the setup
cells it hides, no outputs), so it runs top to bottom in the course's environment. Chapters hold no
exercise solutions: those live in ``solutions/``, which the book never reads.
"""

from __future__ import annotations

import html
from pathlib import Path

import jupytext
import nbformat

from genml.parallel_execution import is_myst_notebook

RUN_NOTE = """<div class="admonition tip genml-run-chapter">
<p class="admonition-title">Run this {kind}</p>
<p>Download it as a notebook, <a href="{url}" download="{name}"><code>{name}</code></a> (also under the
download button at the top of the page), and open it in JupyterLab with the course's environment; or, in
a clone of the course's repository, run <code>./dev lab</code> and double-click <code>{source}</code>:
it opens as a notebook. Run all cells and the figures' sliders become live. The chapter's source stays
as it is: keep your own version with <em>File &gt; Save As...</em>.</p>
</div>
"""


def chapter_notebook(source: Path) -> nbformat.NotebookNode | None:
    """The notebook of a MyST Markdown notebook page (None for a page that is plain Markdown)."""
    if not is_myst_notebook(source):
        return None
    notebook = jupytext.read(source, fmt="md:myst")
    notebook.metadata.pop("jupytext", None)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook


def _add_download(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or app.builder.format != "html":
        return
    source = Path(app.env.doc2path(pagename))
    notebook = chapter_notebook(source)
    if notebook is None:
        return
    relative = f"{pagename}.ipynb"
    target = Path(app.outdir) / "_sources" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    context["ipynb_source"] = relative  # sphinx-book-theme's download menu lists it as ".ipynb"
    url = f"{context['pathto']('_sources', 1)}/{relative}"
    kind = "chapter" if Path(pagename).name.startswith("ch") else "page"
    note = RUN_NOTE.format(kind=kind, url=html.escape(url), name=html.escape(target.name),
                           source=html.escape(source.relative_to(Path(app.srcdir)).as_posix()))
    body = context.get("body", "")
    end_of_title = body.find("</h1>")
    if end_of_title >= 0:
        context["body"] = body[:end_of_title + 5] + "\n" + note + body[end_of_title + 5:]


def setup(app) -> None:
    # Before sphinx-book-theme builds its header buttons (priority 501).
    app.connect("html-page-context", _add_download, priority=400)
