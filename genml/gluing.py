"""``glue`` for the chapters: MyST-NB's ``myst_nb.glue`` without the second it costs every chapter.

``myst_nb.glue`` imports nbformat, whose jsonschema import builds an RFC 3987 grammar (about a second of
CPU) that gluing never uses. This function publishes the same display message (the glue protocol:
mime types prefixed with ``application/papermill.record/`` unless displayed, and ``scrapbook`` metadata
naming the variable), so ``{glue}`` roles read it exactly as before; a test compares the two messages.
"""

from __future__ import annotations

GLUE_PREFIX = "application/papermill.record/"


def glue(name: str, variable, display: bool = True) -> None:
    """Store the display form of ``variable`` under ``name`` for ``{glue}`` roles (shown too if ``display``)."""
    from IPython.core.formatters import format_display_data
    from IPython.display import display as publish

    mimebundle, metadata = format_display_data(variable)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    publish({prefix + kind: value for kind, value in mimebundle.items()}, raw=True, metadata=metadata)
