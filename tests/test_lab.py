"""The learner's path into JupyterLab: ``./dev lab`` as the README gives it, driven in a real browser.

The test starts the server on 127.0.0.1 with a random token (settings and workspaces in a temporary
folder) and stops it at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import subprocess
import time
import urllib.request

import nbformat
import pytest

from autograder.course import REPO
from genml.lab import copy_assignments, is_course_source
from tests.conftest import VENV_BIN

CHAPTER = "ch03_cross_validation.md"  # its "kind" slider has the longest value labels


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """The base URL (with its token) of a JupyterLab started by ``./dev lab``."""
    home = tmp_path_factory.mktemp("lab-home")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "PATH": VENV_BIN + os.pathsep + os.environ["PATH"],
           "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    env.pop("GENML_STATIC_FIGURES", None)
    log = (home / "server.log").open("w")
    # expose_app_in_browser: a failure can show the page's notebook model next to the file's
    server = subprocess.Popen([str(REPO / "dev"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
                               f"--IdentityProvider.token={token}", "--LabApp.expose_app_in_browser=True"],
                              cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, (home / "server.log").read_text()[-3000:]
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "JupyterLab did not start within 120 s"
                time.sleep(0.5)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _api(lab, path: str) -> dict:
    base, token = lab
    with urllib.request.urlopen(f"{base}/api/contents/{path}?token={token}") as response:
        return json.load(response)


def _open_lab(browser, lab):
    base, token = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/lab?reset&token={token}")
    page.wait_for_selector(".jp-DirListing-item", timeout=60_000)
    return context, page, errors


def _double_click(page, name: str) -> None:
    page.locator(f'.jp-DirListing-item[title^="Name: {name}"]').first.dblclick()


def _current_tab(page):
    return page.locator(".lm-TabBar-tab.jp-mod-current[data-type='document-title']")


def _wait_kernel_idle(page, timeout: int = 60_000) -> None:
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status='idle']",
                           timeout=timeout)


def _differences(shown, stored, where: str = "") -> list[str]:
    """Where two JSON values differ (at most a few places, for a failure message)."""
    if isinstance(shown, dict) and isinstance(stored, dict):
        return [d for key in sorted(set(shown) | set(stored))
                for d in _differences(shown.get(key), stored.get(key), f"{where}/{key}")][:8]
    if isinstance(shown, list) and isinstance(stored, list) and len(shown) == len(stored):
        pairs = enumerate(zip(shown, stored, strict=True))
        return [d for i, (a, b) in pairs for d in _differences(a, b, f"{where}[{i}]")][:8]
    return [] if shown == stored else [f"{where}: page {str(shown)[:300]!r}, file {str(stored)[:300]!r}"]


def _wait_until_open(page) -> None:
    """Wait until the current notebook has loaded its file and its kernel has started and told the page its
    name and language (JupyterLab writes both into the notebook's metadata then).

    Before its file has loaded, a notebook panel shows one blank cell and may count as modified.
    """
    page.wait_for_function("() => { const w = window.jupyterapp.shell.currentWidget;"
                           " return !!(w && w.context && w.context.isReady); }", timeout=60_000)
    page.evaluate("""async () => {
        const panel = window.jupyterapp.shell.currentWidget;
        await panel.sessionContext.ready;
        const kernel = panel.sessionContext.session.kernel;
        await kernel.info;
        await kernel.spec;
        await new Promise(resolve => setTimeout(resolve, 200));
    }""")
    _wait_kernel_idle(page)


def _assert_not_modified(page, lab, path: str) -> None:
    """The current notebook is not modified (neither its model nor its tab); if it is, say how the page's
    notebook differs from the file."""
    dirty = page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty")
    if not dirty and "jp-mod-dirty" not in _current_tab(page).get_attribute("class"):
        return
    shown = page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.toJSON()")
    stored = _api(lab, path)["content"]
    raise AssertionError(f"an untouched notebook, {path}, is marked as modified; differences: "
                         f"{_differences(shown, stored) or 'none in content'}")


def test_server_side_rules():
    assert is_course_source("book/ch01_overfitting.md") and is_course_source("/notebooks/ch01/ch01.ipynb")
    assert is_course_source("solutions/ch02_splits/ch02_splits.ipynb")
    assert not is_course_source("book") and not is_course_source("work/ch01/ch01.ipynb")
    assert not is_course_source("bookish/notes.md") and not is_course_source("README.md")


def test_copies_of_the_assignments_never_overwrite_work(tmp_path):
    for name in ("ch01_a", "ch02_b"):
        (tmp_path / "notebooks" / name).mkdir(parents=True)
        (tmp_path / "notebooks" / name / f"{name}.ipynb").write_text("released")
    (tmp_path / "work" / "ch01_a").mkdir(parents=True)
    (tmp_path / "work" / "ch01_a" / "ch01_a.ipynb").write_text("my answers")
    made = copy_assignments(tmp_path)
    assert made == [tmp_path / "work" / "ch02_b"]
    assert (tmp_path / "work" / "ch01_a" / "ch01_a.ipynb").read_text() == "my answers"
    assert (tmp_path / "work" / "ch02_b" / "ch02_b.ipynb").read_text() == "released"
    assert copy_assignments(tmp_path) == []


def test_nbgrader_lab_extension_is_enabled_and_compatible():
    result = subprocess.run([f"{VENV_BIN}/jupyter", "labextension", "list"], capture_output=True, text=True,
                            check=True)
    listing = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)
    line = next(line for line in listing.splitlines() if "@jupyter/nbgrader" in line)
    assert "enabled" in line and "OK" in line, line
    assert "incompatible" not in listing and "outdated" not in listing, listing


def test_chapter_opens_by_double_click_runs_and_its_slider_redraws(browser, lab):
    source = REPO / "book" / CHAPTER
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    assert _api(lab, f"book/{CHAPTER}")["writable"] is False
    context, page, errors = _open_lab(browser, lab)
    try:
        _double_click(page, "book")
        _double_click(page, CHAPTER)
        _wait_until_open(page)
        tab = _current_tab(page)
        assert CHAPTER in tab.inner_text()
        _assert_not_modified(page, lab, f"book/{CHAPTER}")
        assert page.get_by_text("notebook is read-only").count() >= 1

        page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Run All Cells$")).click()
        slider = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .widget-slider").first
        slider.wait_for(timeout=180_000)
        _wait_kernel_idle(page, timeout=240_000)  # every cell has run (a busy machine makes this slow)
        failed = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) [data-mime-type='application/vnd.jupyter.error']")
        assert failed.count() == 0, failed.all_inner_texts()
        figure = slider.locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
        image = figure.locator("img").first
        try:
            image.wait_for(timeout=30_000)
        except Exception as error:
            raise AssertionError(f"no image in the figure; the figure shows: {figure.inner_text()[-3000:]}") from error
        cut = page.evaluate("""() => Array.from(document.querySelectorAll('.widget-label, .widget-readout'))
            .filter(e => e.offsetParent && e.scrollWidth > e.clientWidth).map(e => e.textContent)""")
        assert cut == [], f"slider labels cut: {cut}"
        shown = image.get_attribute("src")
        slider.locator(".noUi-handle").first.focus()
        page.keyboard.press("End")
        page.wait_for_function("([element, old]) => element.querySelector('img') && "
                               "element.querySelector('img').getAttribute('src') !== old",
                               arg=[figure.element_handle(), shown], timeout=60_000)
        page.keyboard.press("Control+s")
        page.get_by_text("is read-only").first.wait_for(timeout=10_000)
        assert errors == [], errors
    finally:
        context.close()
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before, "the chapter's source was changed"


def test_assignment_copy_has_nbgrader_validate_and_assignment_list(browser, lab):
    notebook = REPO / "work" / "ch01_overfitting" / "ch01_overfitting.ipynb"
    assert notebook.is_file(), "./dev lab makes the learners' copies in work/"
    assert nbformat.read(notebook, as_version=4).cells, "the copy is a notebook"
    context, page, errors = _open_lab(browser, lab)
    try:
        _double_click(page, "work")
        _double_click(page, "ch01_overfitting")
        _double_click(page, "ch01_overfitting.ipynb")
        _wait_until_open(page)
        _assert_not_modified(page, lab, "work/ch01_overfitting/ch01_overfitting.ipynb")
        validate = page.locator("jp-button", has_text=re.compile("^\\s*Validate\\s*$")).first
        validate.click()
        results = page.locator(".jp-Dialog", has_text="Validation Results")
        results.wait_for(timeout=120_000)
        # The released notebook is blank: nbgrader's validator runs it and reports the unanswered tasks.
        assert "NotImplementedError" in results.inner_text() or "failed" in results.inner_text().lower()
        results.get_by_role("button", name=re.compile("Ok", re.IGNORECASE)).click()
        page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
        page.locator(".lm-Menu-itemLabel", has_text=re.compile("^Assignment List$")).click()
        page.get_by_text(re.compile("Released assignments", re.IGNORECASE)).first.wait_for(timeout=30_000)
        assert errors == [], errors
    finally:
        context.close()
