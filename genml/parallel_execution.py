"""Execute the book's notebooks in parallel, into MyST-NB's execution cache, before Sphinx reads them.

MyST-NB (``execute_notebooks: cache``) executes each notebook when Sphinx reads its page, one after
the other. This module runs first (Sphinx's ``env-before-read-docs``): it executes every page that
will be read and has no cached result yet, one process per core, and stores the results in the same
jupyter-cache, read the same way MyST-NB reads them. MyST-NB then finds every notebook cached. A
notebook that fails here is left uncached, so MyST-NB executes it again and reports the error as usual.

Each worker forks its kernels from a process that has imported ipykernel and the slow half of the
chapters' imports once (the grader's zygote, ``autograder.kernel_zygote``): a launched kernel spends about
3 s importing them (PyTorch, the ``torch._dynamo`` that the first optimizer step imports, SciPy). Matplotlib
is left out: it reads its backend when imported, and each kernel must choose the inline one itself.
"""

from __future__ import annotations

import fnmatch
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path

from sphinx.util import logging

from autograder.zygote_process import IMPORT_ENV

LOGGER = logging.getLogger(__name__)
MYST_READER = {"type": "plugin", "name": "myst_nb_md"}
# Kernels share the cores with each other: one BLAS / OpenMP thread each, as the zygote imports its
# libraries with (a caller's own setting reaches what each kernel imports itself).
THREAD_LIMITS = tuple(name for name in IMPORT_ENV if name.endswith("_NUM_THREADS"))
# What the kernels' zygote imports before it forks them (what the chapters import, but Matplotlib).
PRELOAD = ("numpy", "scipy", "scipy.signal", "scipy.stats", "torch", "sklearn.model_selection", "sklearn.linear_model")


def _start_worker() -> None:
    """Initialise a worker process: one thread per kernel, and the zygote its kernels are forked from."""
    for name in THREAD_LIMITS:
        os.environ.setdefault(name, "1")
    from autograder import kernel_zygote

    kernel_zygote.start(list(PRELOAD))  # if it cannot start, kernels are launched as usual


def is_myst_notebook(path: Path) -> bool:
    """True for a MyST Markdown notebook: a ``.md`` page whose front matter names a kernel."""
    if path.suffix != ".md":
        return False
    head = path.read_text(encoding="utf-8")[:2000]
    return head.startswith("---") and "kernelspec:" in head.split("\n---", 1)[0]


def join_streams(notebook) -> None:
    """Join each code cell's consecutive outputs to one stream into one output, text for text.

    A kernel sends printed text in chunks cut where its periodic flush happens to fall, sometimes in the
    middle of a line; MyST-NB's ``merge_streams`` ends every chunk with a line break, so the page would show
    a blank line that depends on timing.
    """
    for cell in notebook.cells:
        joined = []
        for output in cell.get("outputs", []):
            previous = joined[-1] if joined else None
            if (output.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
                previous["text"] += output["text"]
            else:
                joined.append(output)
        if "outputs" in cell:
            cell["outputs"] = joined


def _execute(cache_path: str, pk: int, timeout: int, allow_errors: bool) -> tuple[str, float, str | None]:
    """Run in a worker process: execute one project notebook and cache it (as MyST-NB would)."""
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    from autograder.kernel_zygote import ZygoteKernelManager

    cache = get_cache(cache_path)
    project_nb = cache.get_project_notebook(pk)
    result = single_nb_execution(project_nb.nb, cwd=str(Path(project_nb.uri).parent), timeout=timeout,
                                 allow_errors=allow_errors, meta_override=True,
                                 kernel_manager_class=ZygoteKernelManager)
    if result.err is not None:
        return project_nb.uri, result.time, f"{type(result.err).__name__}: {result.err}"
    join_streams(project_nb.nb)
    cache.cache_notebook_bundle(CacheBundleIn(project_nb.nb, project_nb.uri,
                                              data={"execution_seconds": result.time}),
                                check_validity=False, overwrite=True)
    return project_nb.uri, result.time, None


def notebooks_to_execute(app, docnames) -> list[Path]:
    """Sources of the pages about to be read that MyST-NB would execute."""
    config = app.env.mystnb_config
    if config.execution_mode != "cache":
        return []
    paths = []
    for docname in docnames:
        path = Path(app.env.doc2path(docname))
        relative = path.relative_to(app.srcdir).as_posix()
        if any(fnmatch.fnmatch(relative, pattern) for pattern in config.execution_excludepatterns):
            continue
        if is_myst_notebook(path):
            paths.append(path)
    return paths


def execute_in_parallel(app, env, docnames) -> None:
    from jupyter_cache import get_cache

    paths = notebooks_to_execute(app, docnames)
    if not paths:
        return
    config = app.env.mystnb_config
    cache_path = config.execution_cache_path or ".jupyter_cache"
    cache = get_cache(cache_path)
    pending = []
    # Largest first: the long notebooks start early and the short ones fill the gaps at the end.
    for path in sorted(paths, key=lambda p: p.stat().st_size, reverse=True):
        record = cache.add_nb_to_project(str(path), read_data=MYST_READER)
        try:
            cache.match_cache_notebook(cache.get_project_notebook(record.pk).nb)
        except KeyError:
            pending.append(record.pk)
    if not pending:
        return
    workers = min(len(pending), os.cpu_count() or 1)
    LOGGER.info(f"executing {len(pending)} notebook(s) in {workers} parallel processes")
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                             initializer=_start_worker) as pool:
        futures = [pool.submit(_execute, str(cache_path), pk, config.execution_timeout,
                               config.execution_allow_errors) for pk in pending]
        for future in as_completed(futures):
            uri, seconds, error = future.result()
            name = Path(uri).relative_to(app.srcdir).as_posix()
            if error:
                LOGGER.info(f"{name}: execution failed in parallel ({error}); MyST-NB executes it again")
            else:
                LOGGER.info(f"{name}: Executed notebook in {seconds:.2f} seconds (parallel)")
    LOGGER.info(f"parallel execution: {time.perf_counter() - start:.1f} s")


def setup(app) -> None:
    app.connect("env-before-read-docs", execute_in_parallel)
