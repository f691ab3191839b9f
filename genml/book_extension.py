"""Sphinx extension loaded by the book build (see ``_config.yml``).

It switches the figure helper to its static form before any notebook executes: the kernels that
MyST-NB starts inherit this process's environment.
"""

import os

from genml.figures import STATIC_ENV


def setup(app):
    os.environ[STATIC_ENV] = "1"
    return {"parallel_read_safe": True, "parallel_write_safe": True}
