"""Shared fixtures: one cold book build and one graded class per assignment, made once per session."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.course import NOTEBOOKS, REPO, SOLUTIONS, assignments
from tests.submissions import build_submission, variants

VENV_BIN = str(Path(sys.executable).parent)


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PATH": VENV_BIN + os.pathsep + os.environ.get("PATH", "")}
    env.pop("GENML_STATIC_FIGURES", None)
    return subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def book_build(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """A build from clean (``--all``, fresh output folder) with warnings turned into errors."""
    out = tmp_path_factory.mktemp("book")
    result = run([f"{VENV_BIN}/jupyter-book", "build", str(REPO), "--path-output", str(out),
                  "--all", "-W", "-n", "--keep-going"])
    return result, out / "_build" / "html"


@pytest.fixture(scope="session")
def html_dir(request) -> Path:
    """The clean build's HTML folder; BOOK_HTML=<folder> reuses an existing build while iterating."""
    if os.environ.get("BOOK_HTML"):
        return Path(os.environ["BOOK_HTML"])
    result, html = request.getfixturevalue("book_build")
    assert result.returncode == 0, f"book build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    return html


def _write(notebook_or_text, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(notebook_or_text, (str, bytes)):
        path.write_bytes(notebook_or_text if isinstance(notebook_or_text, bytes) else notebook_or_text.encode())
    else:
        nbformat.write(notebook_or_text, path)


@pytest.fixture(scope="session")
def graded(tmp_path_factory):
    """grades.csv rows by student id, for every assignment, graded by ``python -m autograder grade``."""
    cache: dict[str, tuple[dict[str, dict], subprocess.CompletedProcess]] = {}

    def grade(assignment: str):
        if assignment in cache:
            return cache[assignment]
        root = tmp_path_factory.mktemp(f"class-{assignment}")
        subs, out = root / "submitted", root / "out"
        name = f"{assignment}.ipynb"
        shutil.copytree(SOLUTIONS / assignment, subs / "reference")
        shutil.copytree(NOTEBOOKS / assignment, subs / "blank")
        _write("{ this is not json", subs / "broken" / name)
        for variant in variants(assignment):
            _write(build_submission(assignment, variant.cells), subs / variant.name / name)
        result = run([sys.executable, "-m", "autograder", "grade", assignment, str(subs), "--out", str(out)])
        assert result.returncode == 0, result.stderr[-4000:]
        with (out / "grades.csv").open() as handle:
            rows = {row["student_id"]: row for row in csv.DictReader(handle)}
        cache[assignment] = rows, result
        return cache[assignment]

    return grade


ASSIGNMENTS = assignments()
