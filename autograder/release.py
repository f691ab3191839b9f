"""Regenerate the learners' notebooks/ from solutions/ with nbgrader (or check they are in sync)."""

from __future__ import annotations

import filecmp
import shutil
import tempfile
from pathlib import Path

from autograder.course import NOTEBOOKS, stage_course


def generate(assignment: str, workdir: Path) -> Path:
    """Generate the student version of ``assignment`` under ``workdir``; return its folder."""
    stage_course(assignment, workdir, workdir / "gradebook.db")
    return workdir / "notebooks" / assignment


def _differences(fresh: Path, committed: Path) -> list[str]:
    if not committed.is_dir():
        return [f"{committed} is missing"]
    compare = filecmp.dircmp(fresh, committed)
    problems = [f"missing in notebooks/: {name}" for name in compare.left_only]
    problems += [f"not produced by nbgrader: {name}" for name in compare.right_only]
    problems += [
        f"differs from a fresh generation: {name}"
        for name in compare.common_files
        if (fresh / name).read_bytes() != (committed / name).read_bytes()
    ]
    return problems


def release(assignment: str, check: bool = False) -> list[str]:
    """Write notebooks/<assignment> from solutions/; with ``check``, only list the differences."""
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        fresh = generate(assignment, Path(tmp))
        target = NOTEBOOKS / assignment
        problems = _differences(fresh, target)
        if not check and problems:
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(fresh, target)
        return problems
