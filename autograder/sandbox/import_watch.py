"""Import watch: tell the shell-integrity guard about a testing helper right after its first import.

numpy is imported before the kernel starts (the zygote preloads it); torch and ``torch.testing`` often are
not. This finder wraps the loader of the watched modules so that, once the module's own code has run and
before the importing cell continues, ``sys.audit("autograder.module_loaded", name, module)`` hands it to the
guard, which keeps a copy of its namespace to restore the helpers from.
"""

from __future__ import annotations

MODULE_EVENT = "autograder.module_loaded"
WATCHED = frozenset({"numpy", "numpy.testing", "torch", "torch.testing"})


class WatchImports:
    def __init__(self, meta_path, audit, watched=WATCHED):
        self._meta_path, self._audit, self._watched = meta_path, audit, watched

    def find_spec(self, name, path, target=None):
        if name not in self._watched:
            return None
        for finder in self._meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None and hasattr(spec.loader, "exec_module"):
                run, audit = spec.loader.exec_module, self._audit

                def exec_module(module, run=run, name=name, audit=audit):
                    run(module)
                    audit(MODULE_EVENT, name, module)

                spec.loader.exec_module = exec_module
                return spec
        return None


def install(*, sys_module) -> None:
    sys_module.meta_path.insert(0, WatchImports(sys_module.meta_path, sys_module.audit))
