"""The environment ``./dev`` makes: every installed module is compiled ahead of time.

Grading kernels run in a sandbox that cannot write ``.pyc`` files, so a module without one is compiled
again by every kernel that imports it (PyTorch: seconds per kernel).
"""

from __future__ import annotations

import importlib.util
import sysconfig
from pathlib import Path


def test_every_installed_module_that_compiles_has_its_pyc():
    site = Path(sysconfig.get_paths()["purelib"])
    sources = [path for path in site.rglob("*.py") if "__pycache__" not in path.parts]
    assert len(sources) > 5000, "the course's environment holds PyTorch, SciPy, nbgrader, ..."
    missing = [path for path in sources if not Path(importlib.util.cache_from_source(str(path))).is_file()]
    uncompilable = []
    for path in missing:
        try:
            compile(path.read_bytes(), str(path), "exec")
        except (SyntaxError, ValueError):
            uncompilable.append(path)
    assert [p for p in missing if p not in uncompilable] == [], "modules left uncompiled"
