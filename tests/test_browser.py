"""The built book in a real browser (Debian's Chromium via Playwright), opened over file:// offline.

Every non-file request is blocked and counted; each page must make none, raise no JavaScript error,
typeset its math, and every slider must change its figure. Screenshots land in _build/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

from autograder.course import REPO

SCREENSHOTS = REPO / "_build" / "screenshots"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


class OfflinePage:
    """A page that blocks and records every request leaving the local folder, and records JS errors."""

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
    for path in book_pages(html_dir) + [html_dir / "index.html"]:
        offline = OfflinePage(browser)
        try:
            page = offline.open(path)
            if 'class="math' in path.read_text():
                page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
                typeset = page.evaluate(
                    "() => MathJax.startup.promise.then(() => document.querySelectorAll('mjx-container').length)")
                assert typeset > 0, f"{path.name}: math was not typeset"
                assert page.locator("mjx-merror").count() == 0, f"{path.name}: MathJax reports a TeX error"
            page.wait_for_load_state("networkidle")
            if path.parent.name == "book" or path.parent.parent.name == "notebooks":
                page.screenshot(path=str(SCREENSHOTS / f"{_page_id(path)}.png"), full_page=True)
            assert offline.blocked == [], f"{path.name} reached out: {offline.blocked}"
            assert offline.errors == [], f"{path.name} JavaScript errors: {offline.errors}"
        finally:
            offline.close()


def test_every_slider_changes_its_figure(browser, html_dir):
    checked = 0
    for path in book_pages(html_dir):
        if "genml-figure" not in path.read_text():
            continue
        offline = OfflinePage(browser)
        try:
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
            assert offline.errors == [], offline.errors
        finally:
            offline.close()
    assert checked >= 5, "chapter 1 alone has five sliders"


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
