"""Helpers shared by the chapters and exercise notebooks: data sets, demo plots, the figure helper.

This package never holds exercise answers.
"""

from genml.figures import interactive_figure
from genml.gluing import glue

__all__ = ["glue", "interactive_figure"]
