"""Shell integrity: watch what the submission changes in the shell, keep the testing helpers, guard frames.

A submission runs in the same Python process as the hidden tests, so it can change everything that turns a
cell's text into code and runs it: IPython's input and AST transformers, ``transform_cell``, ``run_cell``,
event callbacks, the kernel's execute handler, ``sys.settrace``, builtins, ``__import__``, the testing
helpers. Graded cells do not go through any of that (``graded_runner`` runs them from the audit hook); this
guard supplies what the runner checks and puts back before each graded cell:

* ``Machinery``: the hooks of IPython and the kernel (instance, trait and class entries that are callables or
  lists of callables), so the grader can name what changed (``IPython shell traits.ast_transformers``,
  ``kernel shell_handlers.execute_request``) and put it back;
* ``SysHooks``: trace and profile functions, display and except hooks, ``sys.audit``, import finders;
* ``Helpers``: the testing helpers (``math``, ``numpy.testing``, numpy's comparisons, ``torch.testing``), the
  builtins and ``sys.modules`` as they were before the submission ran;
* ``IntrospectionRules``: no gc or all-threads introspection, no changes to the guards' functions, no second
  audit hook.

This module is trusted (see ``autograder/sandbox/__init__.py``).
"""

from __future__ import annotations

MARKER = "[autograder]"
MODULE_EVENT = "autograder.module_loaded"
#: Introspection that lists every object or frame: a submission never needs it, and it reaches everything.
NEVER = frozenset({"sys._current_frames", "gc.get_objects", "gc.get_referrers", "gc.get_referents"})
#: Modules whose helpers the hidden tests compare with. numpy's and torch's namespaces are large and partly
#: lazy, so only their comparison helpers are watched there; the other modules are watched whole.
HELPER_MODULES = ("math", "numpy", "numpy.testing", "torch", "torch.testing")
#: Builtins ipykernel replaces for the length of each request.
REQUEST_SWAPS = frozenset({"input"})
NUMPY_NAMES = frozenset({"allclose", "isclose", "array_equal", "array_equiv", "all", "any", "abs", "isfinite",
                         "isnan", "asarray", "array", "testing", "equal"})


class IntrospectionRefused(PermissionError):
    """gc or all-threads introspection, which a graded notebook never needs."""


# --------------------------------------------------------------------------- the shell's machinery


def _vars(obj):
    try:
        mapping = vars(obj)
    except TypeError:
        return None
    return mapping


def _tracked(value) -> bool:
    """Hooks: callables, and lists, tuples or non-empty dicts that hold only callables."""
    if callable(value):
        return True
    if type(value) in (list, tuple):
        return all(callable(item) for item in value)
    if type(value) is dict:
        return bool(value) and all(callable(item) for item in value.values())
    return False


def _identity(value):
    """``id``, except that a bound method is the same as another binding of the same function to the same object."""
    if type(value) is type(_Probe().method):
        return (id(value.__self__), id(value.__func__))
    return id(value)


class _Probe:
    def method(self):
        pass


def _token(value):
    if type(value) in (list, tuple):
        return (id(value), tuple(_identity(item) for item in value))
    if type(value) is dict:
        return (id(value), tuple((key, _identity(item)) for key, item in value.items()))
    return _identity(value)


#: Entries that change in normal use (found by running ordinary notebooks: numpy, torch, matplotlib, errors).
NOISE = frozenset({"IPython shell._main_mod_cache", "IPython shell traits.display_formatter"})


def machinery_roots(ip) -> list[tuple[str, object, object, tuple]]:
    """(label, owner, mapping, shadowed) for each place that holds a hook of how cells become code and run.

    ``shadowed``: the classes whose attributes a new entry of ``mapping`` would hide (an instance attribute
    ``run_cell`` hides the method); a new entry that hides nothing (ipykernel's own ``_save_getpass`` during
    a request, a trait set lazily, a new message type) is not a change of the machinery.
    """
    roots, seen_classes = [], set()

    def add(label, obj):
        if obj is None:
            return
        mro = type(obj).__mro__
        mapping = _vars(obj)
        if mapping is not None:
            roots.append((label, obj, mapping, mro))
            traits = mapping.get("_trait_values")
            if type(traits) is dict:
                roots.append((label + " traits", obj, traits, ()))
        for index, cls in enumerate(mro):
            if cls is object or id(cls) in seen_classes:
                continue
            seen_classes.add(id(cls))
            roots.append((f"{label.split(' ')[0]} {cls.__name__}", cls, vars(cls), mro[index + 1:]))

    add("IPython shell", ip)
    events = getattr(ip, "events", None)
    add("IPython events", events)
    if type(getattr(events, "callbacks", None)) is dict:
        roots.append(("IPython events.callbacks", events, events.callbacks, ()))
    for name in ("input_transformer_manager", "compile", "displayhook", "display_pub"):
        add(f"IPython {name}", getattr(ip, name, None))
    kernel = getattr(ip, "kernel", None)
    if kernel is not None:
        add("kernel", kernel)
        for name in ("shell_handlers", "control_handlers"):
            table = getattr(kernel, name, None)
            if type(table) is dict:
                roots.append((f"kernel {name}", kernel, table, ()))
        add("kernel session", getattr(kernel, "session", None))
    return roots


def _hides(key: str, classes: tuple) -> bool:
    return any(key in vars(cls) for cls in classes)


class Machinery:
    """A snapshot of the shell's hooks: what changed since, and putting the recorded entries back."""

    def __init__(self, roots_of):
        self._roots_of = roots_of
        self._saved = {}
        for label, owner, mapping, shadowed in roots_of():
            entries = {}
            for key, value in list(mapping.items()):
                if type(key) is str and _tracked(value):
                    items = list(value) if type(value) is list else dict(value) if type(value) is dict else None
                    entries[key] = (value, _token(value), items)
            self._saved[(label, id(owner))] = (owner, mapping, entries, shadowed)

    def _added(self, mapping, entries, shadowed) -> list[str]:
        return [key for key, value in list(mapping.items())
                if type(key) is str and key not in entries and _tracked(value) and _hides(key, shadowed)]

    def changed(self) -> list[str]:
        names = []
        for label, owner, mapping, shadowed in self._roots_of():
            saved = self._saved.get((label, id(owner)))
            if saved is None:
                continue  # an object swapped for another: the swap shows in its parent's entry
            entries = saved[2]
            for key, (_, token, _) in entries.items():
                value = mapping.get(key, entries)
                if value is entries or _token(value) != token:
                    names.append(f"{label}.{key}")
            names.extend(f"{label}.{key}" for key in self._added(mapping, entries, shadowed))
        return sorted(name for name in set(names) if name not in NOISE)

    def reset(self) -> None:
        """Put back the recorded entries (and the contents of recorded lists); drop entries added to hide one."""
        for owner, mapping, entries, shadowed in self._saved.values():
            for key, (value, _, items) in entries.items():
                try:
                    if type(value) is list:
                        value[:] = items
                    elif type(value) is dict:
                        value.clear()
                        value.update(items)
                    if mapping.get(key, entries) is not value:
                        self._put(owner, mapping, key, value)
                except Exception:
                    continue
            for key in self._added(mapping, entries, shadowed):
                try:
                    if type(mapping) is dict:
                        del mapping[key]
                    else:
                        delattr(owner, key)
                except Exception:
                    continue

    @staticmethod
    def _put(owner, mapping, key, value) -> None:
        if type(mapping) is dict:
            mapping[key] = value
        else:
            setattr(owner, key, value)


class SysHooks:
    """The interpreter-wide hooks: trace and profile functions, display and except hooks, import finders."""

    def __init__(self, sys_module, threading_module):
        self.sys, self.threading = sys_module, threading_module
        self.saved = self._take()

    def _take(self) -> dict:
        sys_module, threading_module = self.sys, self.threading
        return {"sys.settrace": sys_module.gettrace(), "sys.setprofile": sys_module.getprofile(),
                "threading.settrace": getattr(threading_module, "_trace_hook", None),
                "threading.setprofile": getattr(threading_module, "_profile_hook", None),
                "sys.displayhook": sys_module.displayhook, "sys.excepthook": sys_module.excepthook,
                "sys.audit": sys_module.audit, "sys.meta_path": list(sys_module.meta_path),
                "sys.path_hooks": list(sys_module.path_hooks)}

    def changed(self) -> list[str]:
        now = self._take()
        names = []
        for name, value in self.saved.items():
            if type(value) is list:
                if [_identity(v) for v in value] != [_identity(v) for v in now[name]]:
                    names.append(name)
            elif _identity(now[name]) != _identity(value):
                names.append(name)
        return names

    def reset(self) -> None:
        sys_module, threading_module, saved = self.sys, self.threading, self.saved
        sys_module.settrace(saved["sys.settrace"])
        sys_module.setprofile(saved["sys.setprofile"])
        threading_module._trace_hook = saved["threading.settrace"]
        threading_module._profile_hook = saved["threading.setprofile"]
        sys_module.displayhook, sys_module.excepthook = saved["sys.displayhook"], saved["sys.excepthook"]
        sys_module.audit = saved["sys.audit"]
        sys_module.meta_path[:] = saved["sys.meta_path"]
        sys_module.path_hooks[:] = saved["sys.path_hooks"]


# --------------------------------------------------------------------------- testing helpers and builtins


class Helpers:
    """Pristine testing helpers, builtins and ``sys.modules`` entries, captured before the submission runs.

    The builtins are taken as the first cell starts (``take_builtins``): ipykernel swaps ``input`` for each
    request, so its value during a cell is the one to compare with, and ``input`` itself is not watched.
    """

    def __init__(self, builtins_module, sys_modules):
        self._builtins = builtins_module
        self._modules = sys_modules
        self.builtins = dict(vars(builtins_module))
        self.saved = {}  # module name -> (module, its namespace as captured)

    def take_builtins(self) -> None:
        self.builtins = dict(vars(self._builtins))

    def capture(self, name: str, module) -> None:
        if name in HELPER_MODULES and name not in self.saved and self._modules.get(name) is module:
            self.saved[name] = (module, dict(vars(module)))

    def _keys(self, name, saved):
        return NUMPY_NAMES if name in ("numpy", "torch") else saved

    def changes(self) -> list[str]:
        names = []
        for name, (module, saved) in self.saved.items():
            current = vars(module)
            for key in self._keys(name, saved):
                if not key.startswith("_") and key in saved and current.get(key, saved) is not saved[key]:
                    names.append(f"{name}.{key}")
            if self._modules.get(name) is not module:
                names.append(f"sys.modules[{name!r}]")
        current = vars(self._builtins)
        for key, value in self.builtins.items():
            if current.get(key, self) is not value and not key.startswith("_") and key not in REQUEST_SWAPS:
                names.append(f"builtins.{key}")
        if current.get("__import__", self) is not self.builtins.get("__import__", self):
            names.append("builtins.__import__")
        return sorted(set(names))

    def restore(self) -> list[str]:
        """Put every changed helper back; the names that had changed."""
        names = self.changes()
        for name, (module, saved) in self.saved.items():
            current = vars(module)
            for key in self._keys(name, saved):
                if not key.startswith("_") and key in saved and current.get(key, saved) is not saved[key]:
                    setattr(module, key, saved[key])
            if self._modules.get(name) is not module:
                self._modules[name] = module
        current = vars(self._builtins)
        for key, value in self.builtins.items():
            if current.get(key, self) is not value and key not in REQUEST_SWAPS:
                current[key] = value
        return names


# --------------------------------------------------------------------------- introspection


class IntrospectionRules:
    """Refuse what a notebook never needs and what walks straight to the guards' objects.

    ``gc.get_objects``/``get_referrers``/``get_referents`` and ``sys._current_frames`` list every object or
    frame; changing the code or defaults of a guard's function (``trusted``: ids of the trusted modules'
    namespaces) would change the guard. Frames themselves stay available: libraries (typing, torch,
    logging, warnings) inspect them in ordinary calls, so a submission that walks ``f_back`` from its own
    frame can still reach the runner's frames (see ``graded_runner``).
    """

    def __init__(self, trusted: set[int]):
        self.trusted = trusted

    def __call__(self, event: str, args: tuple) -> None:
        if event in NEVER:
            raise IntrospectionRefused(f"{MARKER} sandbox: {event} is not allowed in a graded notebook")
        if event == "object.__setattr__" and args[1] in ("__code__", "__defaults__", "__kwdefaults__"):
            target = args[0]
            if type(target) is type(_vars) and id(target.__globals__) in self.trusted:
                raise IntrospectionRefused(f"{MARKER} sandbox: changing the grader's functions is not allowed")


class Integrity:
    """This guard's state in one kernel, and its audit handler."""

    def __init__(self, *, ip, refs: dict, trusted: set, notes: list):
        sys_module = refs["sys"]
        self.notes = notes
        self.helpers = Helpers(refs["builtins"], sys_module.modules)
        for name in HELPER_MODULES:
            if name in sys_module.modules:
                self.helpers.capture(name, sys_module.modules[name])
        self._ip, self._sys, self._threading = ip, sys_module, refs["threading"]
        self.machinery = self.sys_hooks = None
        self.rules = IntrospectionRules(trusted)

    def baseline(self) -> None:
        """Record the shell's hooks and the builtins as the first cell starts: before any submission code, and
        in the state they have while a request runs (IPython installs its display hook for each cell)."""
        if self.machinery is None:
            self.machinery = Machinery(lambda: machinery_roots(self._ip))
            self.sys_hooks = SysHooks(self._sys, self._threading)
            self.helpers.take_builtins()

    def changed(self) -> list[str]:
        """What the submission changed in how cells become code and run."""
        self.baseline()
        return sorted(set(self.machinery.changed()) | set(self.sys_hooks.changed()))

    def reset(self) -> list[str]:
        """Put the shell's hooks back; what had changed."""
        changed = self.changed()
        if changed:
            self.machinery.reset()
            self.sys_hooks.reset()
        return changed

    def handler(self, event: str, args: tuple) -> None:
        if event == MODULE_EVENT:
            if len(args) == 2 and type(args[0]) is str:
                self.helpers.capture(args[0], args[1])
        elif event == "sys.addaudithook":
            self.notes.append("sandbox: adding an audit hook is not allowed")
            raise RuntimeError("adding an audit hook is not allowed")  # a RuntimeError: the hook is not added
        else:
            self.rules(event, args)

    events = frozenset({MODULE_EVENT, "sys.addaudithook", "object.__setattr__"}) | NEVER


def compose(handlers: list[tuple[frozenset, object]]):
    """One audit hook that calls, for each event, the handlers of the guards that asked for it."""
    table: dict[str, tuple] = {}
    for events, handler in handlers:
        for event in events:
            table[event] = table.get(event, ()) + (handler,)
    get = table.get

    def hook(event, args):
        for handler in get(event, ()):
            handler(event, args)

    return hook
