"""Build synthetic submissions: the student notebook with some solution cells filled in.

A variant file under ``tests/variants/<assignment>/`` holds ``# %% <grade_id>`` sections (code for that
solution cell) and a header line ``# expect: full`` or ``# expect-lose: <test grade_id>, ...`` (a long list
goes on over further ``#`` lines, each line but the last ending in a comma). Cells a
variant does not name get the reference solution, so each mistake is graded on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.course import NOTEBOOKS, SOLUTIONS

VARIANTS = Path(__file__).resolve().parent / "variants"
_MARKER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


@dataclass
class Variant:
    name: str
    cells: dict[str, str]
    expect_full: bool
    expect_lose: list[str]


def read_variant(path: Path) -> Variant:
    text = path.read_text()
    header, *sections = re.split(r"^# %% ", text, flags=re.M)
    cells = {}
    for section in sections:
        grade_id, _, body = section.partition("\n")
        cells[grade_id.strip()] = body.strip() + "\n"
    # The list may go on over several comment lines, each line but the last ending in a comma.
    lose = re.search(r"^# expect-lose: (.+,\s*(?:\n#\s+.+,\s*)*(?:\n#\s+.+)?|.+)$", header, flags=re.M)
    return Variant(
        name=path.stem,
        cells=cells,
        expect_full=bool(re.search(r"^# expect: full$", header, flags=re.M)),
        expect_lose=[s.strip(" #\n") for s in lose.group(1).split(",") if s.strip(" #\n")] if lose else [],
    )


def variants(assignment: str) -> list[Variant]:
    return [read_variant(p) for p in sorted((VARIANTS / assignment).glob("*.py"))]


def nbgrader_sample(assignment: str, mistakes: int = 2) -> list[Variant]:
    """The variants graded through real nbgrader in the test suite: every correct one, the one that drops
    all input validation, and the first ``mistakes`` other mistakes (all of them run in-process too)."""
    every = variants(assignment)
    kept = [v for v in every if v.expect_full or v.name == "mistake_no_validation"]
    return kept + [v for v in every if v not in kept][:mistakes]


def reference_code(assignment: str) -> dict[str, str]:
    """The reference code of every solution code cell, without the solution markers."""
    notebook = nbformat.read(SOLUTIONS / assignment / f"{assignment}.ipynb", as_version=4)
    code = {}
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            code[meta["grade_id"]] = "\n".join(
                line for line in cell.source.splitlines() if not _MARKER.match(line))
    return code


def build_submission(assignment: str, cells: dict[str, str]):
    """The student notebook with reference code, overridden by ``cells``, in its solution cells."""
    notebook = nbformat.read(NOTEBOOKS / assignment / f"{assignment}.ipynb", as_version=4)
    reference = reference_code(assignment)
    unknown = set(cells) - set(reference)
    if unknown:
        raise KeyError(f"variant names cells that are not solution cells: {sorted(unknown)}")
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in reference:
            cell.source = cells.get(grade_id, reference[grade_id])
    return notebook
