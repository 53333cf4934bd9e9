"""Module-level imports of libraries we use, for features we never use, deferred to first use.

`typer.rich_utils` (loaded for every help text and usage error) imports
`rich.markdown` (markdown-it, pygments) for `rich_markup_mode="markdown"` and
`rich.traceback` for pretty exceptions; vastbus uses rich markup and has pretty
exceptions off, yet the two are about a third of what `vastbus --help` costs.
pydantic's plugin loader imports `importlib.metadata` (the email package and
more, ~15 ms) to look for plugins, which the command line turns off with
PYDANTIC_DISABLE_PLUGINS.

While such a module executes, each listed dependency is a placeholder module
whose names load the real module on first call or attribute access; the
placeholder leaves `sys.modules` as soon as that one module is loaded, so any
other `import rich.markdown` gets the real module. PyYAML's `yaml.reader`, which
`import yaml` always loads, compiles a regex only its pure-Python loader uses
(~7 ms; we read with the C loader): it gets a `re` whose `compile` returns a
LazyResult, compiled on first use. Nothing changes but when the work happens:
tests/test_startup.py checks that the real names and the regex still work and
what stays unloaded.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cached_property
from importlib.machinery import PathFinder
from types import ModuleType
from typing import Any

#: importing module → (dependency, names it takes from the dependency)
DEFERRED: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "typer.rich_utils": (("rich.markdown", ("Markdown",)), ("rich.traceback", ("Traceback",))),
    "pydantic.plugin._loader": (("importlib.metadata", ("entry_points",)),),
}
#: importing module → (module, function) whose result it gets only when it first uses it:
#: PyYAML's pure-Python reader compiles its check for non-printable characters (a Unicode
#: class that takes ~7 ms to compile) when `yaml` is imported; the C loader never uses it.
LAZY_RESULTS: dict[str, tuple[str, str]] = {"yaml.reader": ("re", "compile")}
_MARK = "__vastbus_placeholder__"


def _real(module: str) -> ModuleType:
    if getattr(sys.modules.get(module), _MARK, False):
        del sys.modules[module]  # used while its importer still loads: load it for real now
    return importlib.import_module(module)


def placeholder(module: str, name: str) -> Any:
    """A stand-in for `module.name` (a class or function) that loads the module when used."""

    def real() -> Any:
        return getattr(_real(module), name)

    class _Meta(type):
        def __getattr__(cls, attr: str) -> Any:
            return getattr(real(), attr)

        def __instancecheck__(cls, obj: Any) -> bool:
            return isinstance(obj, real())

    class Placeholder(metaclass=_Meta):
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return real()(*args, **kwargs)

    Placeholder.__name__ = Placeholder.__qualname__ = name
    Placeholder.__module__ = module
    return Placeholder


@contextmanager
def deferred(module: str, names: tuple[str, ...]) -> Iterator[None]:
    """`module` is a placeholder with `names` inside the block (unless it is loaded already)."""
    if module in sys.modules:
        yield
        return
    stub = ModuleType(module)
    setattr(stub, _MARK, True)
    for name in names:
        setattr(stub, name, placeholder(module, name))
    sys.modules[module] = stub
    try:
        yield
    finally:
        if sys.modules.get(module) is stub:
            del sys.modules[module]


class LazyResult:
    """What `function(*args, **kwargs)` returns, computed on first attribute access."""

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._call = (function, args, kwargs)

    @cached_property
    def _value(self) -> Any:
        function, args, kwargs = self._call
        return function(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._value, name)


class _Forwarding(ModuleType):
    """`module` with `name` returning LazyResults; everything else is the module's own."""

    def __init__(self, module: ModuleType, name: str) -> None:
        super().__init__(module.__name__)
        self._module = module
        function = getattr(module, name)
        setattr(self, name, lambda *args, **kwargs: LazyResult(function, *args, **kwargs))

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._module, attr)


@contextmanager
def lazy_results(module: str, name: str) -> Iterator[None]:
    """Inside the block, `import module` gives a module whose `name` defers its result."""
    real = importlib.import_module(module)
    sys.modules[module] = _Forwarding(real, name)
    try:
        yield
    finally:
        sys.modules[module] = real


class _Loader:
    """The module's own loader, executing it with its dependencies deferred."""

    def __init__(self, loader: Any, deps: tuple[tuple[str, tuple[str, ...]], ...],
                 lazy: tuple[str, str] | None) -> None:
        self._loader = loader
        self._deps = deps
        self._lazy = lazy

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        with ExitStack() as stack:
            for dep, names in self._deps:
                stack.enter_context(deferred(dep, names))
            if self._lazy is not None:
                stack.enter_context(lazy_results(*self._lazy))
            self._loader.exec_module(module)

    def __getattr__(self, name: str) -> Any:  # get_source, get_code, ... for tracebacks
        return getattr(self._loader, name)


class _Finder:
    """Finds the modules in DEFERRED as usual and gives them the deferring loader."""

    @staticmethod
    def find_spec(fullname: str, path: Any = None, target: Any = None) -> Any:
        deps = DEFERRED.get(fullname, ())
        lazy = LAZY_RESULTS.get(fullname)
        if not deps and lazy is None:
            return None
        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return None
        spec.loader = _Loader(spec.loader, deps, lazy)  # type: ignore[assignment]
        return spec


def install() -> None:
    """Defer the imports in DEFERRED for the rest of the process (once)."""
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
