"""The built book in a real browser (Debian's Chromium via Playwright), opened over file:// offline.

Every non-file request is blocked and counted; each page must make none, raise no JavaScript error,
typeset its math, and every slider must change its figure. With BOOK_SCREENSHOTS=1 a full-page screenshot of
every page lands in _build/screenshots/ (for a person to look at; off by default, it costs a second a page).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat

from autograder.course import REPO

SCREENSHOTS = REPO / "_build" / "screenshots"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


class OfflinePage:
    """One browser tab that blocks and records every request leaving the local folder, and records JS errors.

    A test opens all its pages in one tab, one after the other: a new browser context per page starts a new
    renderer that compiles the theme's and MathJax's scripts again (twice the CPU time over the book).
    ``blocked`` and ``errors`` are those of the page opened last.
    """

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def _route(self, route):
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: Path):
        self.page.goto("about:blank")
        self.blocked.clear()
        self.errors.clear()
        self.page.goto(path.as_uri(), wait_until="load")
        return self.page

    def close(self):
        self.context.close()


def book_pages(html_dir: Path) -> list[Path]:
    pages = sorted(html_dir.glob("book/*.html")) + sorted(html_dir.glob("notebooks/*/*.html"))
    assert pages, f"no pages in {html_dir}"
    return pages


def _page_id(path: Path) -> str:
    return f"{'exercise' if path.parent.parent.name == 'notebooks' else 'chapter'}-{path.stem}"


def test_every_page_is_offline_error_free_and_typeset(browser, html_dir):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    offline = OfflinePage(browser)
    try:
        for path in book_pages(html_dir) + [html_dir / "index.html"]:
            page = offline.open(path)
            if 'class="math' in path.read_text():
                page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
                typeset = page.evaluate(
                    "() => MathJax.startup.promise.then(() => document.querySelectorAll('mjx-container').length)")
                assert typeset > 0, f"{path.name}: math was not typeset"
                assert page.locator("mjx-merror").count() == 0, f"{path.name}: MathJax reports a TeX error"
            page.wait_for_load_state("networkidle")
            if os.environ.get("BOOK_SCREENSHOTS") and (path.parent.name == "book"
                                                        or path.parent.parent.name == "notebooks"):
                page.screenshot(path=str(SCREENSHOTS / f"{_page_id(path)}.png"), full_page=True)
            assert offline.blocked == [], f"{path.name} reached out: {offline.blocked}"
            assert offline.errors == [], f"{path.name} JavaScript errors: {offline.errors}"
    finally:
        offline.close()


def test_every_slider_changes_its_figure(browser, html_dir):
    checked = 0
    offline = OfflinePage(browser)
    try:
        for path in book_pages(html_dir):
            if "genml-figure" not in path.read_text():
                continue
            page = offline.open(path)
            for figure in page.locator(".genml-figure").all():
                image = figure.locator("img")
                for slider in figure.locator("input[type=range]").all():
                    before = image.get_attribute("src")
                    assert before and before.startswith("data:image/png;base64,"), f"{path.name}: no frame shown"
                    shown = slider.evaluate("s => s.parentNode.querySelector('output').textContent")
                    at_end = slider.evaluate("s => s.value === s.max")
                    slider.press("Home" if at_end else "End")
                    assert image.get_attribute("src") != before, f"{path.name}: a slider did not change its figure"
                    assert slider.evaluate("s => s.parentNode.querySelector('output').textContent") != shown
                    checked += 1
            assert offline.errors == [], f"{path.name} JavaScript errors: {offline.errors}"
    finally:
        offline.close()
    assert checked >= 5, "chapter 1 alone has five sliders"


def _notebook_opened_by(page, link) -> nbformat.NotebookNode:
    """Follow a link to a notebook: a download, or (over file://, where Chromium ignores the ``download``
    attribute) the notebook's JSON shown as text in a new tab or in the same one."""
    handle = link.element_handle()
    with page.context.expect_event("page", timeout=10_000) as opened:
        handle.evaluate("a => { a.target = '_blank'; a.removeAttribute('download'); }")
        handle.click()
    shown = opened.value
    shown.wait_for_load_state()
    text = shown.inner_text("body")
    shown.close()
    notebook = nbformat.reads(text, as_version=4)
    nbformat.validate(notebook)
    return notebook


def test_every_chapter_page_downloads_its_notebook(browser, html_dir):
    chapters = sorted(html_dir.glob("book/ch*.html"))
    assert len(chapters) == 10
    offline = OfflinePage(browser)
    try:
        for path in chapters:
            page = offline.open(path)
            expected = nbformat.read(html_dir / "_sources" / "book" / f"{path.stem}.ipynb", as_version=4)
            page.locator("button[aria-label='Download this page']").click()
            item = page.locator(".btn-download-notebook-button")
            item.wait_for(state="visible", timeout=5_000)
            assert item.inner_text().strip() == ".ipynb"
            assert _notebook_opened_by(page, item) == expected
            note = page.locator(".genml-run-chapter")
            assert "./dev lab" in note.inner_text() and f"book/{path.stem}.md" in note.inner_text()
            link = note.locator("a[download]")
            assert link.get_attribute("download") == f"{path.stem}.ipynb"
            assert _notebook_opened_by(page, link) == expected
            assert any(cell.cell_type == "code" for cell in expected.cells)
            assert offline.blocked == [] and offline.errors == [], (path.name, offline.blocked, offline.errors)
    finally:
        offline.close()


def test_search_finds_a_term_offline(browser, html_dir):
    offline = OfflinePage(browser)
    try:
        page = offline.open(html_dir / "search.html")
        page.goto((html_dir / "search.html").as_uri() + "?q=generalization", wait_until="load")
        page.wait_for_selector("#search-results ul.search li", timeout=20_000)
        results = page.locator("#search-results ul.search li").all_inner_texts()
        assert any(re.search("overfitting", r, re.IGNORECASE) for r in results), results
        assert offline.blocked == [] and offline.errors == []
    finally:
        offline.close()
