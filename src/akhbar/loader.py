"""Files, archives and tables -> :class:`Article` records.

An article file is the residue of a news page flattened to text (see
``data/sample/README.md``): body paragraphs, captions, image file names, blocks of
related headlines, adverts, a source line, an attribution line and a comment counter.
:func:`parse_article` classifies every line into a :class:`Segment` whose offsets
index :attr:`Article.text`, the decoded file left untouched, so every character of
the file belongs to exactly one segment and every offset in akhbar refers to it.
"""

from __future__ import annotations

import codecs
import glob as _glob
import os
import posixpath
import re
import stat
import tarfile
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from akhbar._days import as_day
from akhbar.errors import ArchiveError, ConfigError, LoadError

__all__ = [
    "Article",
    "Caption",
    "LoadFailure",
    "LoadWarning",
    "CONTENT_KINDS",
    "Segment",
    "SEGMENT_KINDS",
    "article_units",
    "bytes_error",
    "check_source",
    "decode_bytes",
    "iter_articles",
    "parse_article",
]

SEGMENT_KINDS = ("paragraph", "caption", "image", "related_header", "related_item", "advert",
                 "source", "attribution", "comments", "blank")
#: Segment kinds whose text is read (tokens, sentences, extractors); never source URLs,
#: image file names, adverts or comment counters.
CONTENT_KINDS = frozenset({"paragraph", "caption", "related_item", "attribution"})

#: Files larger than this are refused (kind ``too_large``); a news article is far smaller.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
#: Total bytes an archive may decompress to before it is refused as a bomb.
DEFAULT_MAX_ARCHIVE_BYTES = 2 * 1024 ** 3
TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet", ".pq")
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tar.xz")


@dataclass(frozen=True)
class Segment:
    """One line of an article file, classified; ``text`` includes its line break."""

    kind: str
    text: str
    line: int   # 1-based line number
    start: int  # offsets into Article.text
    end: int


@dataclass(frozen=True)
class Caption:
    """A photo caption with its credit (``(صورة: …)``) split out."""

    text: str
    credit: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """One parsed news article. ``text`` is the decoded file, untouched."""

    id: str
    path: str
    text: str
    segments: tuple[Segment, ...]
    paragraphs: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()
    images: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    adverts: tuple[str, ...] = ()
    source_url: str | None = None
    source_domain: str | None = None
    attribution: str | None = None
    comment_count: int | None = None
    published: date | None = None
    encoding: str = "utf-8"

    @property
    def body(self) -> str:
        """The paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def lead(self) -> str:
        """The first paragraph, or ``""``."""
        return self.paragraphs[0] if self.paragraphs else ""

    def __repr__(self) -> str:
        return (f"Article(id={self.id!r}, paragraphs={len(self.paragraphs)}, "
                f"chars={len(self.text)}, lead={self.lead[:40]!r})")


def article_units(article: Article) -> Iterator[tuple[str, int]]:
    """(text, offset) of each content segment of ``article``, its line break left out.

    >>> a = parse_article("قال الوزير.\\nتعليق (0)\\nثم غادر.\\n", id="x")
    >>> list(article_units(a))
    [('قال الوزير.', 0), ('ثم غادر.', 22)]
    """
    text = article.text
    for seg in article.segments:
        if seg.kind in CONTENT_KINDS:
            end = seg.end
            while end > seg.start and text[end - 1] in "\r\n":
                end -= 1
            if end > seg.start:
                yield text[seg.start:end], seg.start


@dataclass(frozen=True)
class LoadFailure:
    """A file, member or row that could not become an article (a row of ``errors``)."""

    path: str
    kind: str     # empty, binary, decode, too_large, unreadable, unsafe_path, bad_row, ...
    message: str

    def to_error(self) -> LoadError:
        cls = ArchiveError if self.kind in ("unsafe_path", "bad_archive") else LoadError
        return cls(self.message, path=self.path, kind=self.kind)


class LoadWarning(UserWarning):
    """Issued by :func:`iter_articles` for each failure when no error sink is given."""


# --- decoding --------------------------------------------------------------------------

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode an article file; return ``(text, encoding)`` or raise :class:`LoadError`.

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, and Windows-1256 are
    recognised; anything else goes through charset-normalizer.

    >>> decode_bytes("خبر".encode("cp1256"))
    ('خبر', 'cp1256')
    """
    if not data:
        raise LoadError("the file is empty", path=path, kind="empty")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise LoadError(f"starts with a {enc} byte-order mark but does not decode "
                                f"as {enc} at byte {exc.start}", path=path, kind="decode") from None
            return _check_text(text, path), enc
    if b"\x00" in data[:4096]:
        raise LoadError("binary content (NUL bytes) and no UTF-16 byte-order mark",
                        path=path, kind="binary")
    try:
        return _check_text(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if any(b > 0x7F for b in data[:utf8_error.start]):
        # Valid multi-byte UTF-8 before the bad byte: this is damaged UTF-8 (often a
        # truncated download), not a legacy code page; decoding it as Windows-1256
        # would produce mojibake that still "looks Arabic".
        raise LoadError(f"invalid UTF-8 at byte {utf8_error.start} of {len(data)} "
                        f"({utf8_error.reason}); the file is truncated or corrupted",
                        path=path, kind="decode")
    # Windows-1256, the legacy Arabic code page, maps almost every byte, so a decode
    # "succeeds" on anything: accept it only when the result reads as Arabic.
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_arabic(text):
        if _LATIN_IN_ARABIC.search(text):
            # Windows-1256 puts French letters (é, à, ç...) where ISO-8859-6 has Arabic
            # ones: an "Arabic" word with é inside is ISO-8859-6 read the wrong way.
            try:
                iso = data.decode("iso8859_6")
            except UnicodeDecodeError:
                iso = None
            if iso is not None and _looks_arabic(iso) and not _LATIN_IN_ARABIC.search(iso):
                return _check_text(iso, path), "iso8859_6"
        return _check_text(text, path), "cp1256"
    try:
        from charset_normalizer import from_bytes

        guesses = list(from_bytes(data[:1_000_000]))
    except Exception:  # noqa: BLE001 - a detector failure is only "no guess"
        guesses = []
    # Only encodings a news file plausibly uses: a detector's exotic guess (mac_iceland
    # for Latin-1 German, say) is mojibake, better reported than loaded.
    for guess in guesses:
        if guess.encoding in _PLAUSIBLE and guess.chaos <= 0.2:
            try:
                return _check_text(data.decode(guess.encoding), path), guess.encoding
            except (UnicodeDecodeError, LookupError):
                continue
    raise LoadError(f"not valid UTF-8 (byte {utf8_error.start}: {data[utf8_error.start:utf8_error.start + 4]!r})"
                    " and not recognisable as Windows-1256 or another encoding; "
                    "re-save it as UTF-8", path=path, kind="decode")


def bytes_error(data, where: str = "input") -> ConfigError:
    """The error for bytes given where text is expected: decode them, and with what."""
    try:
        _, enc = decode_bytes(bytes(data[:200_000]), where)
        hint = f"data.decode({enc!r}) (these bytes look like {enc})"
    except LoadError:
        hint = "data.decode('utf-8'), or the encoding they were saved in"
    return ConfigError(f"{where}: got {type(data).__name__}, not text: decode them first, "
                       f"e.g. {hint}; akhbar.loader.decode_bytes(data) guesses the encoding")


_LATIN_IN_ARABIC = re.compile(r"[\u0621-\u064a][\u00c0-\u00ff]|[\u00c0-\u00ff][\u0621-\u064a]")
_PLAUSIBLE = frozenset({"iso8859_6", "cp720", "cp864", "mac_arabic", "cp1252", "cp1250",
                        "latin_1", "iso8859_2", "iso8859_15", "utf_16", "utf_16_le", "utf_16_be",
                        "ascii"})


def _looks_arabic(text: str) -> bool:
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return False
    return len(_ARABIC_LETTER.findall(sample)) / letters >= 0.5 and \
        len(_BAD_CONTROL.findall(sample)) <= len(sample) // 1000


def _check_text(text: str, path: str) -> str:
    sample = text[:20000]
    if not sample.strip():
        raise LoadError("the file holds only whitespace", path=path, kind="empty")
    if len(_BAD_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise LoadError("binary content (control characters)", path=path, kind="binary")
    return text


# --- line classification ---------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_RELATED_HEADER = re.compile(r"^\s*[اأ]خبار ذات صلة[\s|]*$")
_RELATED_ITEM = re.compile(r"^\s*!\[[^\]\n]{0,300}\]\([^)\n]{0,2000}\)\s*\|(.*)$")
_ADVERT = re.compile(r"^\s*\[\s*إعلان\s*[0-9٠-٩]{0,6}\s*\]\s*$")
_SOURCE = re.compile(r"^\s*(?:ال)?مصدر\s*(?:[:：]\s*(\S{1,2000})?)?\s*$")
_ATTRIBUTION = re.compile(r"^\s*(?:وفق[اًا]?\s*|نقلا\s+عن\s*|نقلاً\s+عن\s*|بحسب\s*|حسب\s*)"
                          r"(?:ل(?=\S))?(\S.{0,150}?)\s*[.]?\s*$")
_COMMENTS = re.compile(r"^\s*(?:تعليق|تعليقات|التعليقات)\s*\(\s*([0-9٠-٩]{1,9})\s*\)\s*$")
_IMAGE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?|avif)\s*$", re.IGNORECASE)
_CREDIT = re.compile(r"\(\s*((?:ال)?صورة|تصوير|الصور)\s*[:：]\s*([^()\n]{0,300})\)")
_URL_IN_LINE = re.compile(r"https?://\S{1,2000}")


def _classify(line: str) -> str:
    s = line.strip()
    if not s:
        return "blank"
    if _RELATED_HEADER.match(s):
        return "related_header"
    if _RELATED_ITEM.match(s):
        return "related_item"
    if _ADVERT.match(s):
        return "advert"
    if _COMMENTS.match(s):
        return "comments"
    if _SOURCE.match(s):
        return "source"
    if len(s) <= 160 and _ATTRIBUTION.match(s) and not _CREDIT.search(s) \
            and s.count("،") + s.count(",") <= 1:
        return "attribution"
    if len(s) <= 400 and _IMAGE.search(s):
        return "image"
    if s.endswith("|") or _CREDIT.search(s):
        return "caption"
    return "paragraph"


def _digits(s: str) -> int:
    return int(s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))


def _article_id(path: str) -> str:
    stem = posixpath.basename(path.replace("\\", "/"))
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    m = re.fullmatch(r"\d+_([0-9A-Za-z]+)", stem)
    return m.group(1) if m else stem


def parse_article(text: str, *, id: str | None = None, path: str = "<string>",
                  published: date | None = None, encoding: str = "utf-8") -> Article:
    """Parse decoded article text into an :class:`Article`; nothing is lost.

    >>> a = parse_article("الرئيس يزور هانوي\\nالمصدر: https://www.example.com/x\\nتعليق (3)")
    >>> [s.kind for s in a.segments], a.source_domain, a.comment_count
    (['paragraph', 'source', 'comments'], 'example.com', 3)
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_article() needs a str, not {type(text).__name__}")
    published = as_day(published, "published")
    segments: list[Segment] = []
    paragraphs: list[str] = []
    captions: list[Caption] = []
    images: list[str] = []
    related: list[str] = []
    adverts: list[str] = []
    source_url = attribution = None
    comment_count = None
    pos = 0
    n = len(text)
    line_no = 0
    while pos < n:
        m = _LINE.match(text, pos)
        end = m.end()
        if end == pos:  # cannot happen: every non-empty remainder has a line
            end = n
        raw = text[pos:end]
        line_no += 1
        content = raw.rstrip("\r\n")
        kind = _classify(content)
        s = content.strip()
        if kind == "paragraph":
            paragraphs.append(content)
        elif kind == "caption":
            cm = _CREDIT.search(content)
            credit = cm.group(2).strip() if cm else None
            ctext = content
            if cm:
                ctext = ctext[:cm.start()] + ctext[cm.end():]
            ctext = ctext.strip().rstrip("|").strip()
            captions.append(Caption(ctext, credit, pos, pos + len(content)))
        elif kind == "image":
            images.append(s)
        elif kind == "related_item":
            headline = _RELATED_ITEM.match(s).group(1).strip(" \t|")
            related.append(headline)
        elif kind == "advert":
            adverts.append(s)
        elif kind == "source":
            url = _URL_IN_LINE.search(s)
            if url and source_url is None:
                source_url = url.group().rstrip(").,،")
        elif kind == "attribution":
            if attribution is None:
                attribution = _ATTRIBUTION.match(s).group(1).strip()
        elif kind == "comments":
            comment_count = _digits(_COMMENTS.match(s).group(1))
        segments.append(Segment(kind, raw, line_no, pos, end))
        pos = end
    domain = None
    if source_url:
        netloc = urlparse(source_url).netloc.lower()
        domain = netloc[4:] if netloc.startswith("www.") else netloc or None
    return Article(
        id=id if id is not None else _article_id(path), path=path, text=text,
        segments=tuple(segments), paragraphs=tuple(paragraphs), captions=tuple(captions),
        images=tuple(images), related=tuple(related), adverts=tuple(adverts),
        source_url=source_url, source_domain=domain, attribution=attribution,
        comment_count=comment_count, published=published, encoding=encoding)


# --- sources -----------------------------------------------------------------------------

def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _is_table(name: str) -> bool:
    return name.lower().endswith(TABLE_SUFFIXES)


def _read_file(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(f"{size} bytes is over the {max_bytes}-byte limit (max_bytes=)",
                        path=str(path), kind="too_large")
    with open(path, "rb") as fh:
        return fh.read(max_bytes + 1)


def _from_bytes(data: bytes, path: str, id: str | None = None) -> Article:
    text, enc = decode_bytes(data, path)
    return parse_article(text, id=id, path=path, encoding=enc)


def _iter_files(paths: Iterable[Path], max_bytes: int, opts: dict) -> Iterator:
    for p in paths:
        name = str(p)
        if _is_archive(name):
            yield from _iter_archive(p, max_bytes, opts)
            continue
        if _is_table(name):
            yield from _iter_table(p, **opts)
            continue
        try:
            yield _from_bytes(_read_file(p, max_bytes), name)
        except LoadError as exc:
            yield LoadFailure(name, exc.kind, str(exc.args[0]).split(": ", 1)[-1])
        except OSError as exc:
            yield LoadFailure(name, "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")


def _safe_member(name: str) -> bool:
    norm = posixpath.normpath(name.replace("\\", "/"))
    return not (norm.startswith("/") or norm == ".." or norm.startswith("../")
                or re.match(r"^[A-Za-z]:", norm))


def _iter_archive(path: Path, max_bytes: int, opts: dict) -> Iterator:
    n = 0
    for n, item in enumerate(_archive_members(path, max_bytes, opts), 1):
        yield item
    if not n:
        yield LoadFailure(str(path), "empty", "the archive holds no .txt file (akhbar reads "
                          "the .txt members of an archive, one article each)")


def _archive_members(path: Path, max_bytes: int, opts: dict) -> Iterator:
    name = str(path)
    budget = opts.get("max_archive_bytes", DEFAULT_MAX_ARCHIVE_BYTES)
    try:
        if name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as zf:
                for info in sorted(zf.infolist(), key=lambda i: i.filename):
                    if info.is_dir() or not info.filename.lower().endswith(".txt"):
                        continue
                    where = f"{name}!{info.filename}"
                    if not _safe_member(info.filename):
                        yield LoadFailure(where, "unsafe_path", "member path escapes the archive")
                        continue
                    if stat.S_ISLNK(info.external_attr >> 16):
                        yield LoadFailure(where, "unsafe_path", "member is a symbolic link")
                        continue
                    if info.file_size > max_bytes:
                        yield LoadFailure(where, "too_large",
                                          f"{info.file_size} bytes is over the {max_bytes}-byte limit")
                        continue
                    with zf.open(info) as fh:
                        data = fh.read(max_bytes + 1)
                    budget -= len(data)
                    if len(data) > max_bytes or budget < 0:
                        yield LoadFailure(where, "too_large", "member decompresses past the size cap "
                                          "(decompression bomb?)")
                        if budget < 0:
                            return
                        continue
                    yield _member(data, where, info.filename)
        else:
            with tarfile.open(path, "r:*") as tf:
                for info in tf:
                    if not info.name.lower().endswith(".txt"):
                        continue
                    where = f"{name}!{info.name}"
                    if not _safe_member(info.name):
                        yield LoadFailure(where, "unsafe_path", "member path escapes the archive")
                        continue
                    if info.issym() or info.islnk():
                        yield LoadFailure(where, "unsafe_path", "member is a link")
                        continue
                    if not info.isreg():
                        continue
                    if info.size > max_bytes:
                        yield LoadFailure(where, "too_large",
                                          f"{info.size} bytes is over the {max_bytes}-byte limit")
                        continue
                    fh = tf.extractfile(info)
                    data = fh.read(max_bytes + 1) if fh else b""
                    budget -= len(data)
                    if budget < 0:
                        yield LoadFailure(where, "too_large", "archive decompresses past the size cap")
                        return
                    yield _member(data, where, info.name)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as exc:
        yield LoadFailure(name, "bad_archive", f"{type(exc).__name__}: {exc}")


def _member(data: bytes, where: str, member: str):
    try:
        return _from_bytes(data, where, id=_article_id(member))
    except LoadError as exc:
        return LoadFailure(where, exc.kind, str(exc.args[0]).split(": ", 1)[-1])


def _pick(columns, wanted: str | None, candidates: tuple[str, ...], what: str, path: str,
          required: bool = False) -> str | None:
    if wanted is not None:
        if wanted not in columns:
            raise ConfigError(f"{path}: no column {wanted!r} for {what}; columns are {list(columns)}")
        return wanted
    for c in candidates:
        if c in columns:
            return c
    if required:
        raise ConfigError(f"{path}: no text column found among {list(columns)}; pass text_col=")
    return None


def _iter_table(path: Path, text_col: str | None = None, id_col: str | None = None,
                date_col: str | None = None, chunksize: int = 5000, **_) -> Iterator:
    import pandas as pd

    name = str(path)
    low = name.lower()
    try:
        if low.endswith((".parquet", ".pq")):
            import pyarrow.parquet as pq

            chunks = (b.to_pandas() for b in pq.ParquetFile(path).iter_batches(batch_size=chunksize))
        elif low.endswith(".csv"):
            chunks = pd.read_csv(path, chunksize=chunksize, dtype=str, keep_default_na=False)
        else:
            chunks = pd.read_json(path, lines=True, chunksize=chunksize, dtype=False)
        row0 = 0
        cols = None
        for df in chunks:
            if cols is None:
                cols = (_pick(df.columns, text_col, ("text", "content", "body", "article"), "text",
                              name, required=True),
                        _pick(df.columns, id_col, ("id", "article_id"), "ids", name),
                        _pick(df.columns, date_col, ("published", "date", "date_published",
                                                     "date_extracted"), "dates", name))
            tc, ic, dc = cols
            for i, row in enumerate(df.to_dict("records")):
                r = row0 + i
                where = f"{name}#{r}"
                text = row.get(tc)
                if not isinstance(text, str) or not text.strip():
                    empty = text is None or isinstance(text, str) or \
                        (pd.api.types.is_scalar(text) and bool(pd.isna(text)))
                    yield LoadFailure(where, "empty" if empty else "bad_row",
                                      f"row {r} has no text in column {tc!r}")
                    continue
                aid = row.get(ic) if ic else None
                aid = str(r) if aid is None or (isinstance(aid, float) and aid != aid) else str(aid)
                pub, bad = _row_date(row.get(dc), r, dc) if dc else (None, None)
                if bad is not None:
                    yield LoadFailure(where, "bad_date", bad)
                yield parse_article(text, id=aid, path=where, published=pub)
            row0 += len(df)
        if not row0:
            yield LoadFailure(name, "empty", "the table has no rows")
    except ConfigError:
        raise
    except Exception as exc:  # noqa: BLE001 - any reader failure is this source's error
        yield LoadFailure(name, "bad_table", f"{type(exc).__name__}: {exc}")


def _row_date(value, row: int, column: str) -> tuple[date | None, str | None]:
    """(the day of a table's date cell, None) or (None, why it is not a date)."""
    if isinstance(value, str) and not value.strip():
        return None, None
    try:
        return as_day(value, f"row {row}, column {column!r}"), None
    except ConfigError as exc:
        return None, (f"{exc}; the article is loaded without a publication date (name "
                      "the right column with date_col=)")


def _expand(source, pattern: str) -> list[Path]:
    if isinstance(source, (list, tuple)):
        out: list[Path] = []
        for s in source:
            out.extend(_expand(s, pattern))
        return out
    if not isinstance(source, (str, os.PathLike)) or isinstance(os.fspath(source), bytes):
        raise ConfigError(f"source: got {type(source).__name__}; expected a folder, file, "
                          "glob, archive or table path (a str or a Path), or a list of them")
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"pattern: expected a glob such as '*.txt', not {pattern!r}")
    s = os.fspath(source)
    try:
        return _expand_path(s, pattern)
    except OSError as exc:  # a name too long, a folder that cannot be listed
        raise LoadError(f"cannot read: {exc.strerror or exc}", path=s, kind="unreadable") \
            from None


def _expand_path(s: str, pattern: str) -> list[Path]:
    if any(ch in s for ch in "*?[") and not os.path.exists(s):
        hits = sorted(Path(p) for p in _glob.glob(s, recursive=True) if os.path.isfile(p))
        if not hits:
            raise LoadError("the pattern matches no file", path=s, kind="missing")
        return hits
    p = Path(s)
    if p.is_dir():
        return sorted(q for q in p.rglob(pattern) if q.is_file() or q.is_symlink())
    if p.exists():
        return [p]
    raise LoadError("no such file or folder", path=s, kind="missing")


def iter_items(source, *, pattern: str = "*.txt", max_bytes: int = DEFAULT_MAX_BYTES,
               **opts) -> Iterator[Article | LoadFailure]:
    """Yield an :class:`Article` or a :class:`LoadFailure` for every input, in order.

    A source with no input at all (an empty folder, a folder with no file matching
    ``pattern``) yields one failure of kind ``no_match`` that says why.
    """
    paths = _expand(source, pattern)
    if not paths:
        yield LoadFailure(os.fspath(source) if not isinstance(source, (list, tuple))
                          else repr(source), "no_match", no_match_message(source, pattern))
        return
    yield from _iter_files(paths, max_bytes, opts)


def check_source(source, pattern: str = "*.txt") -> None:
    """Raise :class:`LoadError` if ``source`` does not exist or holds no input file."""
    if not _expand(source, pattern):
        raise LoadError(no_match_message(source, pattern), path=os.fspath(source)
                        if not isinstance(source, (list, tuple)) else None, kind="no_match")


def no_match_message(source, pattern: str) -> str:
    """Why ``source`` gave no file: what its folders hold and how to read it."""
    folders = [Path(s) for s in (source if isinstance(source, (list, tuple)) else [source])
               if Path(os.fspath(s)).is_dir()]
    held: dict[str, int] = {}
    for folder in folders:
        for i, q in enumerate(folder.rglob("*")):
            if i > 100_000:
                break
            if q.is_file():
                ext = "".join(q.suffixes[-2:]).lower() if q.name.lower().endswith(
                    ARCHIVE_SUFFIXES) else q.suffix.lower() or "(no extension)"
                held[ext] = held.get(ext, 0) + 1
    if not held:
        return "the folder is empty" if folders else "no input"
    what = ", ".join(f"{n} {e}" for e, n in sorted(held.items(), key=lambda kv: -kv[1])[:6])
    top = max(held, key=held.get)
    if top == ".json":
        how = ("a .json array is not read: convert it to JSON Lines (.jsonl, one article "
               "per line) and give that file's path")
    else:
        how = (f"pass pattern='*{top if top.startswith('.') else ''}' to read those files "
               f"as articles, or give a table ({', '.join(TABLE_SUFFIXES)}) or an archive "
               f"({', '.join(ARCHIVE_SUFFIXES)}) by its own path")
    return (f"no file matches pattern={pattern!r} (the folder holds {what}); a folder is "
            f"searched for pattern= (default '*.txt', one article per file): {how}")


def iter_articles(source, *, errors: str = "collect",
                  error_sink: list | Callable | None = None, **opts) -> Iterator[Article]:
    """Stream the articles of ``source`` one at a time (for corpora larger than memory).

    ``source`` is what :func:`akhbar.load_corpus` accepts.  With ``errors="raise"``
    the first failure raises :class:`~akhbar.errors.LoadError`; with ``"collect"``
    each failure is appended to (or passed to) ``error_sink``, or, without one,
    issued as a :class:`LoadWarning`, so nothing is dropped silently.
    """
    if errors not in ("collect", "raise"):
        raise ConfigError(f"errors must be 'collect' or 'raise', not {errors!r}")
    for item in iter_items(source, **opts):
        if isinstance(item, Article):
            yield item
        elif errors == "raise":
            raise item.to_error()
        elif callable(error_sink):
            error_sink(item)
        elif error_sink is not None:
            error_sink.append(item)
        else:
            warnings.warn(f"{item.path}: {item.kind}: {item.message}", LoadWarning, stacklevel=2)
