"""The documentation runs: every example in README.md and docs/ is executed.

Each ```python block is run, the blocks of one file in order and in one namespace, so a
page reads as one session. A block that is not meant to run says so with its language
(```text, ```console, ```bash: shell blocks are not executed as Python). The
`akhbar analyze` commands of shell blocks that run on the embedded sample are run
through the CLI into a temporary folder. The tables page must equal what
scripts/build_tables_doc.py generates from the registry, every data file must be named
on the data page, and the site must build with warnings as errors.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path

import pytest

import akhbar
from akhbar._tables import TABLES
from akhbar.cli import _parser
from akhbar.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
SHELL = {"bash", "console", "sh", "shell"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)[ \t]*$")


def blocks(path: Path) -> list[tuple[int, str, str]]:
    """``(line, language, code)`` for every fenced block of a Markdown file, dedented."""
    out, lines, i = [], path.read_text(encoding="utf-8").splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, start = len(m["indent"]), m["fence"], i + 1
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            i += 1
        if i == len(lines):
            raise AssertionError(f"{path.name}:{start}: fenced block never closed")
        code = "\n".join(ln[indent:] if not ln[:indent].strip() else ln.lstrip()
                         for ln in lines[start:i])
        out.append((start, m["lang"].lower(), code + "\n"))
        i += 1
    return out


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


PYTHON_PAGES = [p for p in PAGES if any(lang == "python" for _, lang, _ in blocks(p))]


def test_the_readme_and_the_stage_pages_have_examples():
    names = {_name(p) for p in PYTHON_PAGES}
    for page in ("README.md", "docs/loading.md", "docs/text.md", "docs/dates.md",
                 "docs/statistics.md", "docs/entities.md", "docs/analysis.md"):
        assert page in names, f"{page} has no ```python example"


@pytest.mark.parametrize("page", PAGES, ids=_name)
def test_every_block_says_what_it_is(page):
    for line, lang, code in blocks(page):
        assert lang, f"{_name(page)}:{line}: a fenced block needs a language (python, text, console…)"
        if lang == "python":
            assert ">>>" not in code, f"{_name(page)}:{line}: no >>> prompts in a python block"


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=_name)
def test_python_examples_run(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # an example that writes a file writes it here
    namespace: dict = {"__name__": "__docs__"}
    for line, lang, code in blocks(page):
        if lang == "python":
            exec(compile(code, f"{_name(page)}:{line}", "exec"), namespace)  # noqa: S102


def _sample_commands() -> list[tuple[str, list[str]]]:
    """The ``akhbar ...`` command lines of shell blocks that need no input of their own."""
    seen, out = set(), []
    for page in PAGES:
        for line, lang, code in blocks(page):
            if lang not in SHELL:
                continue
            for raw in code.splitlines():
                for part in raw.split("&&"):
                    words = shlex.split(part.split("#", 1)[0].strip().removeprefix("$ "))
                    if not words or words[0] != "akhbar":
                        continue
                    argv = words[1:]
                    if argv and argv[0] == "analyze":
                        args = _parser().parse_args(argv)
                        if args.path or args.engine != "local" or args.workers > 1:
                            continue  # needs the reader's own corpus, a cluster or cores
                    if tuple(argv) not in seen:
                        seen.add(tuple(argv))
                        out.append((f"{_name(page)}:{line}", argv))
    return out


@pytest.mark.parametrize("where,argv", _sample_commands(), ids=lambda v: " ".join(v)
                         if isinstance(v, list) else v)
def test_shell_commands_on_the_sample_run(where, argv, tmp_path, capsys):
    if argv[0] == "analyze":
        i = argv.index("--out") if "--out" in argv else argv.index("-o")
        out = tmp_path / "tables"
        argv = argv[:i + 1] + [str(out)] + argv[i + 2:] + ["--no-progress"]
    assert cli_main(argv) == 0, where
    printed = capsys.readouterr().out
    if argv[0] == "tables":
        assert set(TABLES) <= set(printed.split()), where
        return
    args = _parser().parse_args(argv)
    assert "5 articles, 0 errors" in printed, where
    for name in (args.tables or "dates,statistics,entities").split(","):
        written = out / name if args.stream else out / f"{name}.{args.format}"
        assert written.exists(), (where, name)


def _generator():
    spec = importlib.util.spec_from_file_location("build_tables_doc",
                                                  ROOT / "scripts" / "build_tables_doc.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tables_page_is_what_the_registry_generates():
    assert (ROOT / "docs" / "tables.md").read_text(encoding="utf-8") == _generator().render(), \
        "docs/tables.md is stale: run PYTHONPATH=src python scripts/build_tables_doc.py"


def test_tables_page_names_every_registered_table_and_column():
    page = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    for name, spec in TABLES.items():
        section = page.split(f"## `{name}`\n", 1)[1].split("\n## ", 1)[0]
        for col, dtype in spec.schema.items():
            assert f"| `{col}` | {dtype} |" in section, (name, col)


def test_every_data_file_is_on_the_data_page():
    page = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
    data = Path(akhbar.__file__).parent / "data"
    for stage in sorted(p for p in data.iterdir() if p.is_dir() and p.name != "__pycache__"):
        if stage.name == "sample":
            assert "data/sample/" in page
            continue
        for f in sorted(stage.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                assert f"`{f.relative_to(data).as_posix()}`" in page, \
                    f"docs/data.md does not name {f.relative_to(data)}: its source and licence"


def test_site_builds_with_warnings_as_errors(tmp_path):
    pytest.importorskip("mkdocs", reason="the docs extra (mkdocs) is not installed")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    build(config)  # strict: any warning raises
    assert (tmp_path / "site" / "index.html").exists()
