"""Time a cold and a warm book build and weigh the pages.

Run with the course environment: ``.venv/bin/python benchmarks/build.py``. The cold build starts from
an empty output folder (no execution cache); the warm build repeats it with nothing changed, so every
notebook comes from the jupyter-cache. Notebooks execute in parallel before Sphinx reads them
(``genml.parallel_execution``): ``slowest_notebook_s`` is the longest single notebook in that run. The last
lines are machine-readable.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

REPO = Path(__file__).resolve().parent.parent
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
EXECUTED = re.compile(r"(\S+): Executed notebook in ([\d.]+) seconds")
PARALLEL = re.compile(r"parallel execution: ([\d.]+) s")
LINKED = re.compile(r'(?:src|href)="([^"#?]+)')


def build(output: Path) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run([str(JUPYTER_BOOK), "build", str(REPO), "--path-output", str(output), "-W", "-n",
                             "--keep-going"], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"book build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed, result.stdout + result.stderr


def page_weight(page: Path) -> int:
    """Bytes of a page plus every local file it links with src= or href= (scripts, styles, images)."""
    total, seen = page.stat().st_size, set()
    for link in LINKED.findall(page.read_text(errors="replace")):
        if urlparse(link).scheme or link.endswith(".html"):
            continue
        target = (page.parent / unquote(link)).resolve()
        if target.is_file() and target not in seen:
            seen.add(target)
            total += target.stat().st_size
    return total


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="book-bench-") as tmp:
        output = Path(tmp)
        print("cold build ...", flush=True)
        cold, cold_log = build(output)
        print("warm build ...", flush=True)
        warm, warm_log = build(output)
        executions = {Path(name).name: float(seconds) for name, seconds in EXECUTED.findall(cold_log)}
        for name, seconds in sorted(executions.items()):
            print(f"executed {name}: {seconds:.1f} s")
        reexecuted = EXECUTED.findall(warm_log)
        print(f"notebooks re-executed by the warm build: {len(reexecuted)}")
        html = output / "_build" / "html"
        pages = sorted(html.glob("book/*.html")) + sorted(html.glob("notebooks/*/*.html"))
        weights = {p.relative_to(html).as_posix(): page_weight(p) for p in pages}
        heaviest = max(weights, key=weights.get)
        print(f"largest_page: {heaviest} {weights[heaviest] / 1e6:.2f} MB")
        print(f"slowest_notebook_s: {max(executions.values(), default=0.0):.1f}")
        print(f"cold_build_s: {cold:.1f}")
        print(f"warm_build_s: {warm:.1f}")
        print(f"warm_over_cold: {warm / cold:.3f}")
        parallel = sum(float(seconds) for seconds in PARALLEL.findall(cold_log))
        print(f"execution_s (sum over notebooks): {sum(executions.values()):.1f}")
        print(f"parallel_execution_s (wall): {parallel:.1f}")
        print(f"execution_share_of_cold: {parallel / cold:.3f}")


if __name__ == "__main__":
    main()
