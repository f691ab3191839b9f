"""The guards that lock down a grading kernel, one module per job.

``autograder/sandbox_startup.py`` (an IPython startup file, run in the kernel before the submission's
first cell) loads these modules from their files and installs them in this order:

* ``limits``: resource limits, death with the grading process, the memory-limit handler;
* ``output_cap``: the per-cell output cap, the notes printed after each cell, the buffers that capture a
  graded cell's own output;
* ``import_watch``: reports the testing helpers (numpy, torch, ...) to the shell-integrity guard when they
  are first imported;
* ``file_guard``: no file access outside the submission's own folder (and the Python installation, read-only);
* ``process_guard``: no new processes, no network, no unsafe C calls through ctypes, no extra audit hooks;
* ``shell_integrity``: graded test cells run as the instructor wrote them, by the grader's own runner,
  whatever the submission did to IPython, the kernel, tracing or builtins; the result is signed for the grader.

Four of them (``shell_integrity``, ``graded_runner``, ``file_guard``, ``process_guard``) are *trusted*: they make
the decisions and are reached only through the one audit hook the startup file installs, which Python code
cannot list, remove or replace. Their modules are loaded with a private copy of the builtins and never
registered in ``sys.modules``, and none of their functions is handed to an object the submission can reach,
so patching builtins, ``os.path`` or IPython does not change them; gc's object-graph walks are refused. The
other three plant objects the submission can reach (streams, IPython callbacks, an import finder) and
decide nothing.

What stays possible inside one Python process: code that walks ``frame.f_back`` from its own frame during a
graded cell (libraries inspect frames in ordinary calls, so frames cannot be refused), or writes raw memory
through ctypes, can reach the runner's objects, its signing key included. For a hostile class, run the
grader as an unprivileged user or in a container as well.

Each module can be imported normally for its unit tests (``tests/test_sandbox_guards.py``).
"""
