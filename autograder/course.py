"""Paths of the repository and nbgrader APIs bound to a working course folder."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

REPO = Path(__file__).resolve().parent.parent
SOLUTIONS = REPO / "solutions"
NOTEBOOKS = REPO / "notebooks"
CONFIG_FILE = Path(__file__).resolve().parent / "nbgrader_config.py"
#: Limits of a grading kernel, the same for ``grade`` and for a learner's ``check``.
DEFAULT_LIMITS = {"cell_timeout": 60, "memory_mb": 2048, "wall_timeout": 600, "max_output_kb": 1024}


def assignments() -> list[str]:
    """The assignment names: one folder per assignment under solutions/."""
    return sorted(p.name for p in SOLUTIONS.iterdir() if p.is_dir() and p.name.startswith("ch"))


def check_assignment(name: str) -> None:
    if name not in assignments():
        raise SystemExit(f"unknown assignment {name!r}; known: {', '.join(assignments())}")


def _ensure_alembic_on_path() -> None:
    """nbgrader runs the ``alembic`` executable of this environment when it creates a gradebook."""
    bin_dir = str(Path(sys.executable).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


def alembic_head() -> str:
    """The gradebook schema version nbgrader stamps in a new gradebook, read in this process.

    nbgrader gets it by running ``alembic heads`` in a subprocess, which takes about two seconds; this
    reads the same migration scripts through alembic's Python API.
    """
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import _temp_alembic_ini

    with _temp_alembic_ini("sqlite:////tmp/gradebook.db") as ini:
        return ScriptDirectory.from_config(AlembicConfig(ini)).get_current_head()


def _create_gradebooks_in_process() -> None:
    import nbgrader.api

    nbgrader.api.get_alembic_version = alembic_head


def course_config(course_root: Path, gradebook: Path) -> Config:
    """The course's nbgrader configuration, rooted in ``course_root`` with ``gradebook`` as database."""
    config = PyFileConfigLoader(CONFIG_FILE.name, path=str(CONFIG_FILE.parent)).load_config()
    config.CourseDirectory.root = str(course_root)
    config.CourseDirectory.db_url = f"sqlite:///{gradebook}"
    return config


def make_api(course_root: Path, gradebook: Path, configure: Callable[[Config], None] | None = None):
    """An ``NbGraderAPI`` for a course folder; ``configure`` may add settings to the course's configuration."""
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    _ensure_alembic_on_path()
    _create_gradebooks_in_process()
    config = course_config(course_root, gradebook)
    if configure is not None:
        configure(config)
    api = NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)
    api.log.setLevel("ERROR")
    return api


def stage_course(assignment: str, course_root: Path, gradebook: Path, source: Path | None = None):
    """Copy an assignment's source into ``course_root``, generate its student version, return the API.

    Generating also records every graded cell, hidden tests included, in ``gradebook``: autograde
    restores the test cells from there, whatever a submission did to them. ``source``: the folder to
    generate from instead of ``solutions/<assignment>`` (``notebooks/<assignment>`` for a gradebook
    holding the visible tests only).
    """
    check_assignment(assignment)
    staged = course_root / "solutions" / assignment
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(source or SOLUTIONS / assignment, staged, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    api = make_api(course_root, gradebook)
    result = api.generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise RuntimeError(f"nbgrader could not generate {assignment}:\n{result.get('log') or ''}\n"
                           f"{result.get('error') or ''}")
    return api
