"""docs/your-corpus.md runs as written: its Python blocks in order in one session, in an
empty folder, then its ``akhbar`` commands on the files those blocks made."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from akhbar.cli import main as cli_main

PAGE = Path(__file__).resolve().parent.parent / "docs" / "your-corpus.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def _blocks(lang: str) -> list[str]:
    return [code for kind, code in BLOCK.findall(PAGE.read_text(encoding="utf-8"))
            if kind == lang]


def test_the_page_has_python_and_command_line_examples():
    assert len(_blocks("python")) >= 6 and len(_blocks("bash")) >= 2
    assert all(">>>" not in code for code in _blocks("python"))


def test_every_block_runs(tmp_path, monkeypatch, capsys):
    pytest.importorskip("pyarrow")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "__docs__"}
    for i, code in enumerate(_blocks("python")):
        exec(compile(  # noqa: S102 - the page is ours, run as a reader would
            code, f"{PAGE.name} python block {i + 1}", "exec"), namespace)
    commands = [line for code in _blocks("bash") for line in code.splitlines()
                if line.startswith("akhbar ")]
    for command in commands:
        assert cli_main(shlex.split(command)[1:]) == 0, command
    assert (tmp_path / "tables" / "dates.parquet").exists()
