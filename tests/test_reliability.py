"""Hostile and broken input never crashes a run or loses an article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import akhbar
from akhbar.loader import parse_article

GOOD = "أعلنت وزارة المالية يوم الأحد 14 مايو 2024 عن ميزانية قدرها 3 مليارات دولار.\n" \
       "وقال الوزير إن النمو بلغ 4.5 بالمئة في الربع الأول من العام.\n"

# Text drawn heavily from what news files contain, and from what breaks parsers.
_alphabet = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),      # Arabic
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),      # presentation forms
    st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩ \n\r\t|()[]!:/.-،؛؟%٪")),
    st.sampled_from(["\u200f", "\u200e", "\u202b", "\u2066", "\u0640", "\u0651", "\ufeff",
                     "\x00", "\ud800"]),
    st.characters(),
)
hostile_text = st.text(alphabet=_alphabet, max_size=400)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_parse_article_is_lossless_on_any_string(text):
    a = parse_article(text)
    assert "".join(s.text for s in a.segments) == text
    for s in a.segments:
        assert text[s.start:s.end] == s.text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_become_one_error(data):
    try:
        text, enc = akhbar.loader.decode_bytes(data, "x.txt")
    except akhbar.LoadError as exc:
        assert exc.kind in ("empty", "binary", "decode")
    else:
        assert isinstance(text, str) and enc


@pytest.mark.parametrize("unit", ["9", "و", " ", "\u0640", "-", "|", "![]() | ", "(صورة: "])
def test_loader_is_lossless_on_long_adversarial_lines(unit):
    # how the time grows with such lines is measured by benchmarks/bench_hostile.py
    text = unit * 20_000
    a = parse_article(text)
    assert "".join(s.text for s in a.segments) == text


def _broken_corpus(folder: Path, n: int = 1000) -> int:
    """n files, 5% broken in every way the issue lists; returns the number of broken ones."""
    broken = 0
    for i in range(n):
        p = folder / f"{i:04d}_{i:016x}.txt"
        kind = i % 20
        if kind == 0 and i % 120 == 0:
            p.write_bytes(b"\x00\x01\x02\xff" * 64)                        # binary
        elif kind == 0 and i % 120 == 20:
            p.write_bytes(GOOD.encode()[:-3] + b"\xd8")                    # truncated UTF-8
        elif kind == 0 and i % 120 == 40:
            p.write_bytes(b"")                                             # zero bytes
        elif kind == 0 and i % 120 == 60:
            p.write_bytes("x".encode() * (akhbar.loader.DEFAULT_MAX_BYTES + 10))  # a huge line
        elif kind == 0 and i % 120 == 80:
            p.write_bytes(GOOD.encode("utf-16-le"))                        # UTF-16, no BOM
        elif kind == 0:
            p.write_bytes(b"\xff\xfe\x00\xd8")                             # bad UTF-16
        else:
            p.write_text(GOOD + f"تعليق ({i % 7})", encoding="utf-8")
            continue
        broken += 1
    return broken


def test_thousand_files_five_percent_broken_nothing_lost(tmp_path):
    broken = _broken_corpus(tmp_path)
    corpus = akhbar.load_corpus(tmp_path)
    assert broken == 50
    assert len(corpus) + len(corpus.errors) == 1000
    assert len(corpus) == 950 and len(corpus.errors) == 50
    assert set(corpus.errors.kind) <= {"binary", "decode", "empty", "too_large"}
    assert {"binary", "decode", "empty", "too_large"} <= set(corpus.errors.kind)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_an_error(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text(GOOD, encoding="utf-8")
    p.chmod(0)
    corpus = akhbar.load_corpus(tmp_path)
    assert corpus.errors.kind.tolist() == ["unreadable"]


def test_file_that_cannot_be_opened_is_an_error_even_as_root(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-meanwhile.txt")
    corpus = akhbar.load_corpus(tmp_path)
    assert corpus.ids == ["good"]
    err = corpus.errors.iloc[0]
    assert err.kind == "unreadable" and err.path.endswith("gone.txt")


def test_zip_bomb_is_refused_with_a_clear_error(tmp_path):
    z = tmp_path / "bomb.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("001_aaaa.txt", GOOD)
        zf.writestr("002_bbbb.txt", "و" * 3_000_000)
    corpus = akhbar.load_corpus(z, max_bytes=1_000_000)
    assert corpus.ids == ["aaaa"]
    err = corpus.errors.iloc[0]
    assert err.kind == "too_large" and "limit" in err.message
    corpus = akhbar.load_corpus(z, max_archive_bytes=100)
    assert "size cap" in corpus.errors.message.iloc[-1]


def test_symlink_escaping_a_folder_is_not_followed_out_of_a_zip(tmp_path):
    z = tmp_path / "links.zip"
    with zipfile.ZipFile(z, "w") as zf:
        info = zipfile.ZipInfo("evil.txt")
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
        zf.writestr("/abs/path.txt", GOOD)
    corpus = akhbar.load_corpus(z)
    assert len(corpus) == 0 and corpus.errors.kind.tolist() == ["unsafe_path", "unsafe_path"]
    with pytest.raises(akhbar.ArchiveError, match="escapes the archive|symbolic link"):
        akhbar.load_corpus(z, errors="raise")


def test_interrupted_analyze_leaves_no_half_written_table(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(400):
        (src / f"{i:04d}_{i:08x}.txt").write_text(GOOD * 20, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "akhbar.cli", "analyze", str(src),
                             "--out", str(out), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.0)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=120)
    written = list(out.glob("*")) if out.exists() else []
    assert not [p for p in written if p.name.endswith(".tmp")]
    for p in written:  # every table that exists is complete and readable
        pd.read_parquet(p)


def test_one_failing_article_is_recorded_and_the_run_goes_on(monkeypatch):
    from akhbar._tables import TABLES, register_table

    @register_table("boom", {"article_id": "string", "n": "int64"})
    def _boom(article, **_):
        if article.id == "154074880c2c91e6":
            raise RuntimeError("simulated crash")
        return pd.DataFrame({"article_id": [article.id], "n": [len(article.text)]})

    try:
        corpus = akhbar.load_sample()
        df = corpus.table("boom")
        assert len(df) == 4 and "154074880c2c91e6" not in set(df.article_id)
        errs = corpus.errors
        assert errs.kind.tolist() == ["boom_failed"] and "simulated crash" in errs.message[0]
    finally:
        TABLES.pop("boom", None)


# --- every public text function on hostile strings -------------------------------------

EXTRACTORS = {"dates": akhbar.extract_dates, "statistics": akhbar.extract_statistics,
              "entities": akhbar.extract_entities}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_every_text_function_survives_hostile_strings(text):
    from akhbar._tables import TABLES
    for name, fn in EXTRACTORS.items():
        df = fn(text)
        assert {c: str(t) for c, t in df.dtypes.items()} == dict(TABLES[name].schema)
        for row in df.itertuples(index=False):
            assert text[row.start:row.end] == row.text
    for tok in akhbar.tokenize(text):
        assert text[tok.start:tok.end] == tok.text
    for sent in akhbar.sentences(text):
        assert text[sent.start:sent.end] == sent.text
    norm, offsets = akhbar.normalize_with_offsets(text)
    assert akhbar.normalize(norm) == norm


ADVERSARIAL = {
    "digits": "1" * 100_000,
    "waw": "و" * 100_000,
    "spaces": " " * 100_000,
    "tatweel": "ـ" * 100_000,
    "dashes": "-" * 100_000,
    "months": "يناير " * 16_000,
    "number words": "ثلاثة وعشرين " * 8_000,
    "digit ranges": "12-" * 30_000,
}


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_extractors_slice_back_on_adversarial_input(name, case):
    # how the time grows with such input is measured by benchmarks/bench_hostile.py
    text = ADVERSARIAL[case]
    for row in EXTRACTORS[name](text).itertuples(index=False):
        assert text[row.start:row.end] == row.text
