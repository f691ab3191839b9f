"""Shared fixtures: one cold book build and one graded class per assignment, made once per session."""

from __future__ import annotations

import atexit
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from autograder.course import NOTEBOOKS, REPO, SOLUTIONS, assignments
from tests.submissions import build_submission, nbgrader_sample, variants

VENV_BIN = str(Path(sys.executable).parent)
CHROMIUM = "/usr/bin/chromium"


def _env() -> dict[str, str]:
    env = {**os.environ, "PATH": VENV_BIN + os.pathsep + os.environ.get("PATH", "")}
    env.pop("GENML_STATIC_FIGURES", None)
    return env


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, env=_env(), capture_output=True, text=True, **kwargs)


_BOOK: dict = {}


def _start_book_build() -> None:
    """A build from clean (``--all``, fresh output folder) with warnings turned into errors, in the background."""
    out = Path(tempfile.mkdtemp(prefix="genml-book-"))
    atexit.register(shutil.rmtree, out, ignore_errors=True)
    log = (out / "build.log").open("w")
    _BOOK.update(out=out, log=log, process=subprocess.Popen(
        [f"{VENV_BIN}/jupyter-book", "build", str(REPO), "--path-output", str(out), "--all", "-W", "-n",
         "--keep-going"], cwd=REPO, env=_env(), stdout=log, stderr=subprocess.STDOUT, text=True))


_BACKGROUND: dict[tuple[str, str], Future] = {}
_CHILDREN: list[subprocess.Popen] = []


def _niced(args: list[str], stdin: str = "") -> subprocess.CompletedProcess:
    """Run ``args`` at low CPU priority (killed with its children if the session stops early)."""
    process = subprocess.Popen(["nice", "-n", "10", *args], cwd=REPO, env=_env(), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    _CHILDREN.append(process)
    stdout, stderr = process.communicate(stdin)
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


def _run_fast(assignment: str) -> subprocess.CompletedProcess:
    """Every variant of ``assignment`` through ``benchmarks/cell_runner.py``."""
    wanted = json.dumps({v.name: v.cells for v in variants(assignment)})
    return _niced([sys.executable, str(REPO / "benchmarks" / "cell_runner.py"),
                   str(SOLUTIONS / assignment / f"{assignment}.ipynb")], wanted)


def _grade_class(assignment: str) -> tuple[subprocess.CompletedProcess, Path]:
    """The class of ``graded`` through ``python -m autograder grade``; returns the result and its --out."""
    root = Path(tempfile.mkdtemp(prefix=f"genml-class-{assignment}-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    subs, out = root / "submitted", root / "out"
    name = f"{assignment}.ipynb"
    shutil.copytree(SOLUTIONS / assignment, subs / "reference")
    shutil.copytree(NOTEBOOKS / assignment, subs / "blank")
    _write("{ this is not json", subs / "broken" / name)
    for variant in nbgrader_sample(assignment):
        _write(build_submission(assignment, variant.cells), subs / variant.name / name)
    return _niced([sys.executable, "-m", "autograder", "grade", assignment, str(subs), "--out", str(out)]), out


def _start_background(items) -> None:
    """Start, for every assignment a selected test asks about, the fast runner's work and the graded class,
    each kind one assignment after the other in a background thread and at low priority: they use the CPU
    that the tests before test_grading leave idle (kernels starting, browsers waiting, sleeping
    submissions) and yield to them otherwise. The fixtures then wait for their results."""
    for kind, fixture, job in (("fast", "fast_graded", _run_fast), ("graded", "graded", _grade_class)):
        wanted = [item.callspec.params["assignment"] for item in items
                  if fixture in getattr(item, "fixturenames", ()) and hasattr(item, "callspec")]
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"background-{kind}")
        for assignment in dict.fromkeys(wanted):
            _BACKGROUND[kind, assignment] = pool.submit(job, assignment)
        pool.shutdown(wait=False)


# Tests that mostly wait (a wedged kernel's timeouts, JupyterLab and a browser) run first, while the book
# build and the background grading work keep the cores busy; the tests that collect the background work's
# results run last, so that it fills the cores until the other tests end; the rest keep their file order.
WAITING_FIRST = ("test_wedged_kernel.py", "test_lab.py")
BACKGROUND_RESULTS_LAST = ("test_grading.py",)


def pytest_collection_modifyitems(session, config, items):
    rank = {name: position for position, name in enumerate(WAITING_FIRST)}
    rank.update({name: len(WAITING_FIRST) + 1 + position for position, name in enumerate(BACKGROUND_RESULTS_LAST)})
    items.sort(key=lambda item: rank.get(item.path.name, len(WAITING_FIRST)))


def pytest_sessionfinish(session, exitstatus):
    """A run stopped early (``-x``, a failure, Ctrl-C) does not wait for background work nobody needs."""
    for future in _BACKGROUND.values():
        future.cancel()
    for process in _CHILDREN:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)


def pytest_collection_finish(session):
    """Once the tests to run are known (after ``-k`` and the like): start the book build if one of them
    needs it, so that it executes chapters while the grading tests, collected earlier, run; and start
    the grading tests' work in the background."""
    items = session.items
    if session.config.option.collectonly:
        return
    if not os.environ.get("BOOK_HTML") and any(
            {"html_dir", "book_build"} & set(getattr(item, "fixturenames", ())) for item in items):
        _start_book_build()
    _start_background(items)


@pytest.fixture(scope="session")
def book_build() -> tuple[subprocess.CompletedProcess, Path]:
    """The clean book build: its result (return code and output) and its HTML folder."""
    if "process" not in _BOOK:
        _start_book_build()
    returncode = _BOOK["process"].wait()
    _BOOK["log"].close()
    output = (_BOOK["out"] / "build.log").read_text(errors="replace")
    return subprocess.CompletedProcess(_BOOK["process"].args, returncode, output, ""), \
        _BOOK["out"] / "_build" / "html"


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
def graded():
    """grades.csv rows by student id, for every assignment, graded by ``python -m autograder grade``.

    The class: the reference, the blank copy, a broken file and ``nbgrader_sample`` of the variants (every
    variant is also graded, cell by cell, by the fast in-process runner: ``fast_graded``)."""
    cache: dict[str, tuple[dict[str, dict], subprocess.CompletedProcess]] = {}

    def grade(assignment: str):
        if assignment in cache:
            return cache[assignment]
        started = _BACKGROUND.get(("graded", assignment))
        result, out = started.result() if started else _grade_class(assignment)
        assert result.returncode == 0, result.stderr[-4000:]
        with (out / "grades.csv").open() as handle:
            rows = {row["student_id"]: row for row in csv.DictReader(handle)}
        cache[assignment] = rows, result
        return cache[assignment]

    return grade


@pytest.fixture(scope="session")
def fast_graded():
    """Every variant of an assignment run through all its test cells by ``benchmarks/cell_runner.py`` (forked
    processes, no kernel): {variant name: {failed test grade_id: error}}, made once per assignment."""
    cache: dict[str, dict[str, dict[str, str]]] = {}

    def grade(assignment: str):
        if assignment not in cache:
            started = _BACKGROUND.get(("fast", assignment))
            result = started.result() if started else _run_fast(assignment)
            assert result.returncode == 0, result.stderr[-4000:]
            cache[assignment] = json.loads(result.stdout)
        return cache[assignment]

    return grade


ASSIGNMENTS = assignments()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (no browser is ever downloaded)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: ./dev test installs Debian's chromium"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()
