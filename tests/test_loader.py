"""The loader, the Corpus base tables and the command line, on real Arabic files.

The base tables' schemas and offsets are checked by test_contract.py.
"""

from __future__ import annotations

import io
import json
import os
import tarfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import akhbar
from akhbar.cli import main as cli_main
from akhbar.loader import SEGMENT_KINDS, decode_bytes, parse_article

ARABIC = "أكد وزير الخارجية أن المؤتمر الدبلوماسي الثاني والثلاثون حقق نتائج مهمة.\n" \
         "وفي عصر يوم 15 سبتمبر/أيلول، ترأس الأمين العام الاجتماع.\n"


@pytest.fixture(scope="module")
def sample():
    return akhbar.load_sample()


def test_sample_loads_five_articles_and_no_errors(sample):
    assert len(sample) == 5
    assert sample.errors.empty


def test_sample_article_facts_from_the_format_notes(sample):
    a = sample["ffb72ef4f8e45c58"]
    assert len(a.related) == 5
    assert a.related[1] == "الرئيس فو فان ثونغ: القطاع الدبلوماسي سيعزز دوره الريادي"
    assert a.source_url is None and a.comment_count == 0
    assert a.adverts == ("[إعلان 2]",)
    b = sample["154074880c2c91e6"]
    assert len(b.captions) == 3 and b.source_domain == "thoidai.com.vn"
    c = sample["ea9f7c2b2f2975bd"]
    assert len(c.images) == 4 and all(i.endswith(".jpg") for i in c.images)
    assert c.attribution == "وكالة الأنباء الفيتنامية"
    assert c.captions[0].credit == "ثونغ نهات/وكالة الأنباء الفيتنامية"
    assert c.captions[0].text == "الأمين العام تو لام يتحدث."
    assert c.lead.startswith("وفي عصر يوم 15 سبتمبر/أيلول")


def test_every_sample_file_rebuilds_from_its_segments(sample):
    for a in sample:
        raw = Path(a.path).read_bytes().decode("utf-8")
        assert a.text == raw
        assert "".join(s.text for s in a.segments) == raw
        pos = 0
        for s in a.segments:
            assert s.start == pos and raw[s.start:s.end] == s.text
            assert s.kind in SEGMENT_KINDS
            pos = s.end
        assert pos == len(raw)


def test_body_is_the_paragraphs_and_lead_the_first(sample):
    a = sample["bbcaaaa309e21574"]
    assert a.body.split("\n") == list(a.paragraphs)
    assert a.lead == a.paragraphs[0]
    assert "[إعلان" not in sample["ffb72ef4f8e45c58"].body


def test_articles_table_counts(sample):
    row = sample.articles.set_index("id").loc["154074880c2c91e6"]
    assert row.n_captions == 3 and row.n_related == 0
    assert row.n_words > 300 and row.comment_count == 0


def _write_encodings(folder: Path) -> None:
    (folder / "good.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(ARABIC.replace("\n", "\r\n").encode("cp1256"))
    (folder / "wide.txt").write_bytes(ARABIC.encode("utf-16"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(bytes(range(256)) * 8)


def test_mixed_encodings_load_three_and_list_two(tmp_path):
    _write_encodings(tmp_path)
    corpus = akhbar.load_corpus(tmp_path)
    assert len(corpus) == 3
    assert sorted(corpus.ids) == ["good", "legacy", "wide"]
    for a in corpus:
        assert a.paragraphs[0].startswith("أكد وزير الخارجية")
    assert corpus["legacy"].encoding == "cp1256"
    assert corpus["legacy"].text == ARABIC.replace("\n", "\r\n")
    errs = corpus.errors.set_index("path")["kind"].to_dict()
    assert errs == {str(tmp_path / "empty.txt"): "empty", str(tmp_path / "image.txt"): "binary"}


def test_errors_raise_mode(tmp_path):
    _write_encodings(tmp_path)
    with pytest.raises(akhbar.LoadError) as info:
        akhbar.load_corpus(tmp_path, errors="raise")
    assert "empty.txt" in str(info.value)


def test_crlf_and_cr_line_endings_keep_offsets():
    for nl in ("\r\n", "\r"):
        text = ARABIC.replace("\n", nl) + "المصدر: https://www.example.org/a" + nl + "تعليق (٣)"
        a = parse_article(text)
        assert "".join(s.text for s in a.segments) == text
        assert len(a.paragraphs) == 2 and not a.paragraphs[0].endswith("\r")
        assert a.source_domain == "example.org" and a.comment_count == 3


def test_legacy_encodings_decode_to_the_right_letters():
    arabic = "مرحبا بكم في نشرة الأخبار المسائية"
    assert decode_bytes(arabic.encode("iso8859_6")) == (arabic, "iso8859_6")
    assert decode_bytes(arabic.encode("cp1256")) == (arabic, "cp1256")
    text, enc = decode_bytes("Grüße aus Köln, sagte der Minister am Montag.".encode("latin-1"))
    assert text.startswith("Grüße aus Köln") and enc in ("cp1250", "cp1252", "latin_1", "iso8859_15")


def test_truncated_utf8_is_an_error_not_mojibake():
    data = ARABIC.encode("utf-8")
    with pytest.raises(akhbar.LoadError) as info:
        decode_bytes(data[:-2] + b"\xd8" + b"\n" + data[:30])
    assert info.value.kind == "decode" and "invalid UTF-8" in str(info.value)
    assert decode_bytes("خبر عاجل".encode("utf-8-sig")) == ("خبر عاجل", "utf-8-sig")


def test_zip_and_tar_archives_are_read_in_memory_and_refuse_escapes(tmp_path):
    z = tmp_path / "news.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("a/001_abc123.txt", ARABIC)
        zf.writestr("../evil.txt", ARABIC)
        zf.writestr("notes.md", "ignored")
    corpus = akhbar.load_corpus(z)
    assert corpus.ids == ["abc123"]
    assert corpus.errors.kind.tolist() == ["unsafe_path"]
    t = tmp_path / "news.tar.gz"
    with tarfile.open(t, "w:gz") as tf:
        data = ARABIC.encode()
        info = tarfile.TarInfo("x/002_def456.txt")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("x/link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    corpus = akhbar.load_corpus(t)
    assert corpus.ids == ["def456"] and corpus.errors.kind.tolist() == ["unsafe_path"]
    assert not (tmp_path / "x").exists()


def test_tables_as_sources(tmp_path):
    rows = [{"id": "n1", "text": ARABIC, "date": "2024-05-14"},
            {"id": "n2", "text": "", "date": "2024-05-15"}]
    j = tmp_path / "news.jsonl"
    j.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    corpus = akhbar.load_corpus(j)
    assert corpus.ids == ["n1"] and str(corpus["n1"].published) == "2024-05-14"
    assert corpus.errors.kind.tolist() == ["empty"]
    c = tmp_path / "news.csv"
    pd.DataFrame(rows).rename(columns={"text": "content"}).to_csv(c, index=False)
    assert akhbar.load_corpus(c).ids == ["n1"]
    p = tmp_path / "news.parquet"
    pd.DataFrame(rows).to_parquet(p)
    assert akhbar.load_corpus(p, text_col="text", id_col="id").articles.published.notna().all()
    with pytest.raises(akhbar.ConfigError):
        akhbar.load_corpus(j, text_col="body")


def test_glob_and_single_file_and_missing(tmp_path):
    _write_encodings(tmp_path)
    assert akhbar.load_corpus(str(tmp_path / "g*.txt")).ids == ["good"]
    assert akhbar.load_corpus(tmp_path / "wide.txt").ids == ["wide"]
    with pytest.raises(akhbar.LoadError):
        akhbar.load_corpus(tmp_path / "nope")


def test_iter_articles_streams_and_reports_failures(tmp_path):
    _write_encodings(tmp_path)
    sink = []
    ids = [a.id for a in akhbar.iter_articles(tmp_path, error_sink=sink)]
    assert sorted(ids) == ["good", "legacy", "wide"] and len(sink) == 2
    with pytest.warns(akhbar.loader.LoadWarning):
        list(akhbar.iter_articles(tmp_path))


def test_oversized_file_is_an_error_not_a_crash(tmp_path):
    (tmp_path / "big.txt").write_text("خبر " * 1000, encoding="utf-8")
    corpus = akhbar.load_corpus(tmp_path, max_bytes=1000)
    assert len(corpus) == 0 and corpus.errors.kind.tolist() == ["too_large"]


def test_cli_analyze_writes_tables(tmp_path, capsys):
    assert cli_main(["analyze", "--out", str(tmp_path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "5 articles, 0 errors" in out
    arts = pd.read_csv(tmp_path / "articles.csv")
    assert len(arts) == 5 and set(arts.id) >= {"ffb72ef4f8e45c58", "bbcaaaa309e21574"}
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".tmp")]


def test_cli_missing_path_is_one_line(tmp_path, capsys):
    assert cli_main(["analyze", str(tmp_path / "missing"), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("akhbar: ") and "no such file" in err and "\n" not in err
