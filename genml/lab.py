"""The contents manager of ``./dev lab`` (JupyterLab at the repository's root).

* The course's sources open read-only. Chapters (``book/``), the instructor's notebooks (``solutions/``)
  and the released assignments (``notebooks/``) are what the book and the grader are built from.
  JupyterLab shows them as read-only ("Save" is disabled, "File > Save As..." works) and the server
  refuses to overwrite, rename or delete them, so a learner's edits never change them by accident.
* Notebooks open unmodified. When a kernel starts, JupyterLab writes the kernel's display name and
  ``language_info`` into the notebook's metadata and marks the tab as changed if they differ from the
  file's: Jupytext does not keep ``language_info`` in a chapter's text, and nbgrader's released
  notebooks hold only ``{"name": "python"}``. The server fills in what the kernel will report before
  the page sees the notebook. A text notebook's cells get the same ids on every read.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupytext.async_contentsmanager import AsyncTextFileContentsManager
from tornado import web

READ_ONLY = ("book", "solutions", "notebooks")
REPO = Path(__file__).resolve().parent.parent


def is_course_source(path: str) -> bool:
    """True for a path (API style, relative to the repository) inside one of the read-only folders."""
    parts = [part for part in path.strip("/").split("/") if part]
    return len(parts) > 1 and parts[0] in READ_ONLY


def python_language_info() -> dict:
    """The ``language_info`` an ipykernel of this environment reports."""
    from ipykernel.ipkernel import IPythonKernel

    return dict(IPythonKernel.language_info)


def complete_kernel_metadata(metadata: dict, specs: KernelSpecManager | None = None) -> None:
    """Fill in what JupyterLab would set when the notebook's kernel starts (same values, so no change).

    ``specs`` is the server's kernel spec manager (a new one if None)."""
    name = metadata.get("kernelspec", {}).get("name")
    try:
        spec = (specs or KernelSpecManager()).get_kernel_spec(name) if name else None
    except Exception:  # an unknown kernel: JupyterLab asks which kernel to use, nothing to fill in
        return
    if spec is None:
        return
    metadata["kernelspec"] = {"name": name, "display_name": spec.display_name, "language": spec.language}
    if spec.language == "python":
        metadata["language_info"] = python_language_info()


class CourseContentsManager(AsyncTextFileContentsManager):
    """Jupytext's contents manager with read-only course sources and text notebooks that open clean."""

    def is_writable(self, path):
        return not is_course_source(path) and super().is_writable(path)

    def _refuse(self, path: str, action: str) -> None:
        if is_course_source(path):
            raise web.HTTPError(403, f"{path} is one of the course's sources and is read-only here ({action} "
                                     "refused): use File > Save As... to keep your version, e.g. in work/")

    async def get(self, path, content=True, type=None, format=None, **kwargs):
        model = await super().get(path, content=content, type=type, format=format, **kwargs)
        if model.get("type") == "notebook" and model.get("content"):
            # the server's own manager (the parent is the server), not a new one on every read
            complete_kernel_metadata(model["content"]["metadata"], getattr(self.parent, "kernel_spec_manager", None))
            if not path.endswith(".ipynb"):
                # A text notebook has no cell ids, and Jupytext draws random ones on every read: number
                # them, so that the same file always gives the same notebook.
                for number, cell in enumerate(model["content"]["cells"]):
                    cell["id"] = f"cell-{number}"
        return model

    async def save(self, model, path=""):
        self._refuse(path, "save")
        return await super().save(model, path)

    async def rename_file(self, old_path, new_path):
        self._refuse(old_path, "rename")
        self._refuse(new_path, "rename")
        return await super().rename_file(old_path, new_path)

    async def delete_file(self, path):
        self._refuse(path, "delete")
        return await super().delete_file(path)


def copy_assignments(repo: Path = REPO) -> list[Path]:
    """Copy each released assignment folder ``notebooks/<name>/`` to ``work/<name>/`` unless that copy
    exists already (a learner's work is never overwritten); return the copies made."""
    made = []
    for folder in sorted((repo / "notebooks").iterdir()):
        target = repo / "work" / folder.name
        if folder.is_dir() and not target.exists():
            shutil.copytree(folder, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            made.append(target)
    return made


if __name__ == "__main__":
    if sys.argv[1:] != ["copy-assignments"]:
        sys.exit("usage: python -m genml.lab copy-assignments")
    for copy in copy_assignments():
        print(f"made your copy: {copy.relative_to(REPO)}/")
