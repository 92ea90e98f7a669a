"""Every module imports only modules of its own stage or of an earlier one.

The stages, in pipeline order: loader <- text <- extract <- analysis <- corpus <-
engines <- command line.  A backwards import (the text stage reaching into extract, an
engine reaching into the corpus) makes a cycle or a hidden coupling; this test reads
every ``import`` statement of the package with :mod:`ast`, those inside functions too,
and names each one that goes backwards.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import akhbar

PACKAGE = Path(akhbar.__file__).parent

#: module (or package) -> its stage; a module belongs to the longest name that prefixes it.
STAGES: dict[str, int] = {
    # shared by every stage: the error family, table schemas and registry, process
    # pools, the data-file loader, dates in as days; none of them knows an article or a
    # word of Arabic
    "akhbar.errors": 0, "akhbar._tables": 0, "akhbar._pool": 0, "akhbar.data": 0,
    "akhbar._days": 0,
    "akhbar.loader": 1,
    "akhbar.text": 2,
    "akhbar.extract": 3,
    "akhbar.analysis": 4,
    "akhbar.registry": 5, "akhbar.corpus": 5,
    "akhbar.engines": 6,
    "akhbar.cli": 7, "akhbar.plot": 7,
    "akhbar": 8,  # the package itself: the public API re-exports every stage
    "akhbar.eval": 9,  # evaluation scripts, over the public API
}
STAGE_NAMES = {0: "shared", 1: "loader", 2: "text", 3: "extract", 4: "analysis",
               5: "corpus", 6: "engines", 7: "command line", 8: "public API", 9: "eval"}

#: (importer prefix, imported prefix): forbidden although the stages would allow it.
FORBIDDEN = {
    # the corpus gives an engine a job (akhbar.corpus.table_job); the engine runs it
    # without knowing tables or the corpus
    ("akhbar.engines", "akhbar.corpus"): "an engine gets its job from the corpus",
    ("akhbar.engines", "akhbar.registry"): "an engine gets its job from the corpus",
    ("akhbar", "akhbar.cli"): "nothing imports the command line",
}

#: (importer, imported) -> why this backwards import is acceptable.  None today: an
#: entry needs a reason that a reader would accept.
EXCEPTIONS: dict[tuple[str, str], str] = {}


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (``akhbar.text`` for its __init__)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def stage_of(module: str) -> int:
    best = max((p for p in STAGES if _within(module, p) and (p != "akhbar" or module == p)),
               key=len, default=None)
    assert best is not None, f"{module} belongs to no stage: add it to STAGES"
    return STAGES[best]


def imported(module: str, source: str) -> list[tuple[int, str]]:
    """(line, module) for every akhbar module that ``source`` (the text of ``module``)
    imports, at the top or inside a function."""
    package = module if MODULES.get(module, Path()).name == "__init__.py" \
        else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up level - 1 packages
                up = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([node.module] if node.module else []))
            for a in node.names:  # `from akhbar.extract import _base` imports a module
                sub = f"{base}.{a.name}"
                out.append((node.lineno, sub if sub in MODULES else base))
    return sorted({(line, name) for line, name in out if _within(name, "akhbar")})


def violations(module: str, source: str) -> list[str]:
    """What is wrong with the imports of ``module``: one line each."""
    found = []
    here = stage_of(module)
    for line, target in imported(module, source):
        if (module, target) in EXCEPTIONS:
            continue
        there = stage_of(target)
        if there > here:
            found.append(f"{module}:{line} imports {target}: the {STAGE_NAMES[here]} stage "
                         f"may not import the later {STAGE_NAMES[there]} stage")
        for (src, dst), why in FORBIDDEN.items():
            if _within(module, src) and _within(target, dst) and not _within(module, dst):
                found.append(f"{module}:{line} imports {target}: {why}")
    return found


def test_every_module_imports_only_its_own_or_earlier_stages():
    found = [v for module, path in sorted(MODULES.items())
             for v in violations(module, path.read_text(encoding="utf-8"))]
    assert not found, "backwards imports:\n" + "\n".join(found)


def test_every_module_has_a_stage():
    for module in MODULES:
        stage_of(module)


@pytest.mark.parametrize("module, source, expected", [
    # the very imports this layering removed
    ("akhbar.text.tables", "def _units(a):\n    from akhbar.extract._base import article_units\n",
     ("akhbar.text.tables:2 imports akhbar.extract._base: the text stage may not import "
      "the later extract stage")),
    ("akhbar.engines.local", "from akhbar.corpus import Corpus\n",
     "akhbar.engines.local:1 imports akhbar.corpus: an engine gets its job from the corpus"),
    ("akhbar.corpus", "import akhbar.engines.local\n",
     ("akhbar.corpus:1 imports akhbar.engines.local: the corpus stage may not import the "
      "later engines stage")),
    ("akhbar.loader", "from akhbar import corpus\n",
     ("akhbar.loader:1 imports akhbar.corpus: the loader stage may not import the later "
      "corpus stage")),
    ("akhbar.extract._base", "from .. import analysis\n",
     ("akhbar.extract._base:1 imports akhbar.analysis: the extract stage may not import the "
      "later analysis stage")),
    ("akhbar.analysis.keywords", "import akhbar\n",
     ("akhbar.analysis.keywords:1 imports akhbar: the analysis stage may not import the later "
      "public API stage")),
])
def test_a_backwards_import_is_named(module, source, expected):
    assert violations(module, source) == [expected]


@pytest.mark.parametrize("module, source", [
    ("akhbar.extract._base", "from akhbar.loader import article_units\n"),
    ("akhbar.extract.statistics", "from akhbar.extract import _base\n"),
    ("akhbar.text.tables", "from . import segment\nfrom .normalize import DEFAULT_PRESET\n"),
    ("akhbar.corpus", "import akhbar.registry\nimport pandas\n"),
    ("akhbar.engines.dask", "from akhbar.engines.local import run_partition\n"),
])
def test_a_forward_import_is_fine(module, source):
    assert violations(module, source) == []
