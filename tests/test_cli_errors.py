"""Every command-line failure a user can cause: one line on stderr, its own exit status.

``--debug`` shows the traceback instead.  The statuses are :data:`akhbar.cli.EXIT`.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from akhbar.cli import EXIT
from akhbar.cli import main as cli_main


def _fails(capsys, argv: list[str], status: str, *words: str) -> str:
    code = cli_main(argv)
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert code == EXIT[status], err
    assert err.startswith("akhbar: ") and "\n" not in err and "Traceback" not in err, err
    for w in words:
        assert w in err, err
    return err


@pytest.fixture()
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("وصل الوفد أمس إلى الرياض.\n", encoding="utf-8")
    return folder


def test_out_is_a_file(capsys, articles, tmp_path):
    (tmp_path / "out.txt").write_text("x", encoding="utf-8")
    _fails(capsys, ["analyze", str(articles), "--out", str(tmp_path / "out.txt")], "output",
           "is a file, not a folder")


def test_out_is_under_a_file(capsys, articles, tmp_path):
    (tmp_path / "out.txt").write_text("x", encoding="utf-8")
    _fails(capsys, ["analyze", str(articles), "--out", str(tmp_path / "out.txt" / "t")],
           "output", "is a file, so no folder can be made under it")


def test_out_cannot_be_written(capsys, articles):
    # /proc refuses new folders even to root, where a chmod would not stop anything
    _fails(capsys, ["analyze", str(articles), "--out", "/proc/akhbar-tables"], "output",
           "--out /proc/akhbar-tables: cannot write there")


def test_missing_column(capsys, tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps({"content": "خبر", "id": "1"}), encoding="utf-8")
    _fails(capsys, ["analyze", str(path), "--out", str(tmp_path / "o"), "--text-col", "body"],
           "option", "no column 'body' for text", "'content'")


@pytest.mark.parametrize("value", ["10/08/2015", "yesterday", "2015-13-01"])
def test_bad_reference_date(capsys, articles, tmp_path, value):
    _fails(capsys, ["analyze", str(articles), "--out", str(tmp_path / "o"),
                    "--reference-date", value], "option", "--reference-date", "ISO 8601")
    assert not (tmp_path / "o").exists()  # checked before anything is written


def test_unknown_table(capsys, articles, tmp_path):
    _fails(capsys, ["analyze", str(articles), "--out", str(tmp_path / "o"), "--tables",
                    "dates,nope"], "option", "unknown table(s) nope")


@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_an_empty_folder_writes_nothing_and_fails(capsys, tmp_path, stream):
    (tmp_path / "in").mkdir()
    _fails(capsys, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "o"), *stream],
           "input", "the folder is empty")
    assert not (tmp_path / "o").exists()


def test_a_folder_of_json_says_how_to_read_it(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text("[]", encoding="utf-8")
    _fails(capsys, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "o")], "input",
           "no file matches pattern='*.txt'", "JSON Lines")


@pytest.mark.parametrize("stream", [[], ["--stream"]])
def test_every_file_failing_is_a_failure_not_empty_tables(capsys, tmp_path, stream):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(b"")
    err = _fails(capsys, ["analyze", str(tmp_path / "in"), "--out", str(tmp_path / "o"),
                          *stream], "input", "no article loaded")
    assert ("1 inputs failed (see " if stream else "a.txt: the file is empty") in err


def test_pattern_reads_other_files(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.md").write_text("وصل الوفد أمس إلى الرياض.\n", encoding="utf-8")
    out = tmp_path / "o"
    assert cli_main(["analyze", str(tmp_path / "in"), "--out", str(out), "--pattern", "*.md",
                     "--tables", "articles", "--format", "csv"]) == 0
    assert (out / "articles.csv").exists()


def test_debug_shows_the_traceback(tmp_path):
    (tmp_path / "in").mkdir()
    proc = subprocess.run([sys.executable, "-m", "akhbar.cli", "--debug", "analyze",
                           str(tmp_path / "in"), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == EXIT["input"]
    assert "Traceback (most recent call last)" in proc.stderr
    assert "LoadError: " in proc.stderr and "the folder is empty" in proc.stderr


def test_a_bug_is_one_line_that_asks_for_debug(capsys, articles, tmp_path, monkeypatch):
    import akhbar.cli

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(akhbar.cli, "load_corpus", broken)
    _fails(capsys, ["analyze", str(articles), "--out", str(tmp_path / "o")], "bug",
           "unexpected ZeroDivisionError", "--debug")
