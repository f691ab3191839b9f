"""The book builds from clean without warnings and holds what the syllabus asks for."""

import re

import nbformat
import pytest

from autograder.course import REPO
from tests.conftest import ASSIGNMENTS
from tests.test_leaks import html_text


def test_book_builds_from_clean_without_warnings(book_build):
    result, html = book_build
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-5000:]
    # Sphinx reports "<where>: WARNING: <what>" (kernels' own "WARNING |" log lines are not Sphinx's).
    assert "WARNING:" not in log, [line for line in log.splitlines() if "WARNING:" in line]
    assert "build succeeded" in log
    # Every chapter ran in genml.parallel_execution's processes; MyST-NB found all of them cached.
    parallel = set(re.findall(r"book/(\w+)\.md: Executed notebook in [\d.]+ seconds \(parallel\)", log))
    assert set(CHAPTERS) <= parallel, set(CHAPTERS) - parallel
    assert "Executing notebook using" not in log, "MyST-NB executed a notebook one after the other"
    # ... with kernels forked from a zygote that had imported what the chapters import
    assert "kernel zygote unavailable" not in log and "could not preload" not in log, log[-3000:]
    assert (html / "index.html").is_file()


def test_printed_text_cut_into_chunks_is_joined_as_printed():
    from genml.parallel_execution import join_streams

    def stream(name, text):
        return nbformat.v4.new_output("stream", name=name, text=text)

    figure = nbformat.v4.new_output("display_data", data={"text/plain": "<Figure>"})
    cell = nbformat.v4.new_code_cell(outputs=[stream("stdout", "a = 1: "), stream("stdout", "ok"),
                                              stream("stdout", "\nb"), stream("stderr", "careful\n"),
                                              stream("stdout", "c\n"), figure, stream("stdout", "d\n")])
    notebook = nbformat.v4.new_notebook(cells=[cell, nbformat.v4.new_markdown_cell("text")])
    join_streams(notebook)
    assert [(o.output_type, o.get("name"), o.get("text")) for o in cell.outputs] == [
        ("stream", "stdout", "a = 1: ok\nb"), ("stream", "stderr", "careful\n"), ("stream", "stdout", "c\n"),
        ("display_data", None, None), ("stream", "stdout", "d\n")]
    assert "outputs" not in notebook.cells[1]


def test_rebuild_with_nothing_changed_executes_nothing(book_build, html_dir):
    from tests.conftest import VENV_BIN, run

    output = html_dir.parent.parent
    # --all re-reads every page, so each executed chapter must come from jupyter-cache.
    result = run([f"{VENV_BIN}/jupyter-book", "build", "--all", "--path-output", str(output),
                  "-W", "-n", "--keep-going", "."])
    assert result.returncode == 0, result.stdout[-3000:]
    log = result.stdout + result.stderr
    assert "Executing notebook" not in log, "jupyter-cache should serve every executed chapter"
    assert "Executed notebook" not in log, "nothing to execute in parallel either"
    assert "Cached executed notebook" not in log


def test_every_page_of_the_toc_is_built(html_dir):
    assert (html_dir / "book" / "intro.html").is_file()
    assert (html_dir / "book" / "ch01_overfitting.html").is_file()
    for assignment in ASSIGNMENTS:
        assert (html_dir / "notebooks" / assignment / f"{assignment}.html").is_file()


def test_chapter_one_has_static_interactive_figures(html_dir):
    page = (html_dir / "book" / "ch01_overfitting.html").read_text()
    figures = re.findall(r'<div class="genml-figure" id="([\w-]+)">', page)
    assert len(figures) == 2, "the overfitting explorer and the overfitting machine"
    assert page.count('type="range"') == 5, "explorer: degree, noise, points; machine: degree, lambda"
    assert page.count("data:image/png;base64,") >= 2
    assert "application/vnd.jupyter.widget" not in page, "no live widget (would need a kernel and a CDN)"


CHAPTERS = sorted(p.stem for p in (REPO / "book").glob("ch*.md"))
# Every chapter has at least one slider figure; some have more (ch09: saturation and translating the target).
SLIDER_FIGURES = {chapter: 1 for chapter in CHAPTERS} | {
    "ch01_overfitting": 2, "ch08_weight_decay_dropout": 2, "ch09_augmentation": 4}


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_page_offers_its_notebook(html_dir, chapter):
    import jupytext

    download = html_dir / "_sources" / "book" / f"{chapter}.ipynb"
    notebook = nbformat.read(download, as_version=4)
    nbformat.validate(notebook)
    source = jupytext.read(REPO / "book" / f"{chapter}.md")
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    assert code and code == [cell.source for cell in source.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] for cell in notebook.cells if cell.cell_type == "code")
    assert notebook.metadata.kernelspec.name == "python3"
    page = (html_dir / "book" / f"{chapter}.html").read_text()
    link = f'href="../_sources/book/{chapter}.ipynb"'
    assert re.search(link + r'[^>]*class="[^"]*download-notebook-button', page), "no .ipynb in the download menu"
    assert page.count("genml-run-chapter") == 1 and f"book/{chapter}.md" in page, "no run-this-chapter note"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_is_built_with_its_assignment_and_rendered_roles(html_dir, chapter):
    page = html_dir / "book" / f"{chapter}.html"
    assert page.is_file(), f"{chapter} is not in _toc.yml"
    text = html_text(page)
    for role in ("{glue", "{cite", "{eq}", "{doc}"):
        assert role not in text, f"{chapter}: unrendered {role}"
    assert (html_dir / "notebooks" / chapter / f"{chapter}.html").is_file(), f"{chapter}: assignment page missing"
    assert "Traceback (most recent call last)" not in text, f"{chapter}: a cell raised"


@pytest.mark.parametrize(("chapter", "count"), SLIDER_FIGURES.items())
def test_slider_chapters_have_their_static_figures(html_dir, chapter, count):
    page = (html_dir / "book" / f"{chapter}.html").read_text()
    assert len(re.findall(r'<div class="genml-figure" id="[\w-]+">', page)) >= count


def test_numbers_in_prose_are_glued_from_executed_cells(html_dir):
    text = html_text(html_dir / "book" / "ch01_overfitting.html")
    assert "{glue" not in text
    best = re.search(r"bottoms out at epoch (\d+) at ([\d.]+)", text)
    assert best, "the learning-curve paragraph quotes the computed best epoch"
    assert 1 < int(best.group(1)) < 3000


def test_exercise_page_is_the_student_version_unexecuted(html_dir):
    for assignment in ASSIGNMENTS:
        text = html_text(html_dir / "notebooks" / assignment / f"{assignment}.html")
        assert "raise NotImplementedError()" in text
        assert "Traceback" not in text, "exercise pages are shown without outputs"
        student = nbformat.read(f"notebooks/{assignment}/{assignment}.ipynb", as_version=4)
        assert all(not c.get("outputs") for c in student.cells if c.cell_type == "code")
