"""Reading a class's submissions: a folder or a zip of ``<student_id>/<assignment>.ipynb`` (or
``<student_id>/<assignment>/<assignment>.ipynb``), each notebook checked before anything runs it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import nbformat


@dataclass
class Submission:
    student_id: str
    notebook: str | None  # nbformat 4 JSON text, or None when it cannot be graded
    reason: str = ""
    digest: str = ""


def safe_extract(archive: Path, target: Path, assignment: str) -> Path:
    with zipfile.ZipFile(archive) as zf:
        total = 0
        for member in zf.infolist():
            name = Path(member.filename)
            if name.is_absolute() or ".." in name.parts:
                raise SystemExit(f"refusing {archive}: unsafe path {member.filename!r} in the zip")
            total += member.file_size
        if total > 4 * 1024**3:
            raise SystemExit(f"refusing {archive}: more than 4 GB uncompressed")
        zf.extractall(target)
    entries = [p for p in target.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    if len(entries) == 1 and entries[0].is_dir():  # a zip of the submissions folder itself
        only = entries[0]
        if not (only / f"{assignment}.ipynb").exists() and not (only / assignment).is_dir():
            return only
    return target


def read_notebook(path: Path) -> tuple[str | None, str]:
    """The notebook as nbformat 4 JSON text, or None and why it cannot be graded."""
    data = path.read_bytes()
    if not data.strip():
        return None, "not a valid notebook: the file is empty"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, f"not a valid notebook: not UTF-8 text (byte {data[error.start]:#04x} at offset {error.start})"
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as error:
        return None, f"not a valid notebook: invalid JSON ({error.msg} at line {error.lineno})"
    if not isinstance(raw, dict) or "nbformat" not in raw:
        return None, "not a valid notebook: JSON without an nbformat version"
    try:
        notebook = nbformat.reads(text, as_version=4)
        nbformat.validate(notebook)
    except Exception as error:
        return None, f"not a valid notebook: {type(error).__name__}: {str(error).splitlines()[0][:200]}"
    note = f"converted from nbformat {raw.get('nbformat')}" if raw.get("nbformat") != 4 else ""
    return nbformat.writes(notebook), note


def collect(assignment: str, submissions: Path, scratch: Path) -> list[Submission]:
    """Every student under ``submissions`` (a folder or a zip): ``<id>/<a>.ipynb`` or ``<id>/<a>/<a>.ipynb``."""
    if submissions.is_file() and zipfile.is_zipfile(submissions):
        submissions = safe_extract(submissions, scratch / "unzipped", assignment)
    if not submissions.is_dir():
        raise SystemExit(f"submissions folder or zip not found: {submissions}")
    name = f"{assignment}.ipynb"
    result = []
    for folder in sorted(p for p in submissions.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))):
        candidates = [folder / name, folder / assignment / name]
        found = [c for c in candidates if c.is_file()]
        if not found:
            seen = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.ipynb")
                          if ".ipynb_checkpoints" not in p.parts)
            result.append(Submission(folder.name, None, f"no {name} in the submission (found: "
                                                          f"{', '.join(seen) or 'no notebook'})"))
            continue
        data = found[0].read_bytes()
        text, note = read_notebook(found[0])
        digest = hashlib.sha256(data).hexdigest()
        if text is None:
            result.append(Submission(folder.name, None, note, digest))
        else:
            result.append(Submission(folder.name, text, note, digest))
    if not result:
        raise SystemExit(f"no student folders in {submissions} (expected <student_id>/{name})")
    return result
