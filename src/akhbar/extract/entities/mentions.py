"""From tagged sentences to table rows: each span mapped back to the original text,
without a leading clitic that is no part of the name, with its canonical spelling and,
for a person, the role.  Rows inside a date expression are dropped."""

from __future__ import annotations

from functools import lru_cache

from akhbar.extract.dates import find_dates
from akhbar.extract.entities import lexicon as lex
from akhbar.extract.entities.roles import person_role, role_before
from akhbar.extract.entities.rules import propagate
from akhbar.extract.entities.sentence import SEPARATORS, TaggedSentence, spans
from akhbar.extract.entities.tagger import read_document
from akhbar.extract.entities.words import clitic_split, known_split
from akhbar.text.normalize import normalize


def find_units(units: list[tuple[str, int]], *, backend: str = "default", model_path=None,
               published=None, reference_date=None) -> list[dict]:
    """Rows for the units (text, offset) of one document, names propagated across them."""
    doc = read_document(units, backend, model_path)
    if backend == "default":
        propagate(doc)
    doc_spans = [spans(s.tags) for s in doc]
    # Words that open a name somewhere in this document: ببريدة is ب + بريدة when
    # بريدة is a name elsewhere in the article.
    doc_first = frozenset(s.keys[i] for s, sp in zip(doc, doc_spans) for i, _, _ in sp)
    rows: list[dict] = []
    for s, sp in zip(doc, doc_spans):
        if not sp:
            continue
        labels = s.labels()
        gaz = {(i, j): (lab, canon) for i, j, lab, canon in s.info.gaz_spans}
        line_rows = []
        for i, j, label in sp:
            row = _row(s, labels, gaz, i, j, label, doc_first)
            if row is not None:
                row["start"] += s.start
                row["end"] += s.start
                line_rows.append(row)
        _link_acronyms(line_rows, s.line, s.start)
        rows += line_rows
    if not rows:
        return rows
    return _outside_dates(rows, _date_spans(units, published, reference_date))


def _date_spans(units: list[tuple[str, int]], published, reference_date
                ) -> list[tuple[int, int]]:
    """(start, end) of every date expression in the units, in document offsets."""
    out = []
    for text, offset in units:
        rows = find_dates(text, published=published, reference_date=reference_date)
        out += [(r["start"] + offset, r["end"] + offset) for r in rows]
    return out


def _outside_dates(rows: list[dict], date_spans: list[tuple[int, int]]) -> list[dict]:
    """Rows not inside a date expression: نيسان in "نيسان (أبريل) الماضي" is a month,
    not the carmaker ANERcorp taught the model; يونيو is no organization."""
    if not date_spans:
        return rows
    return [r for r in rows
            if not any(a <= r["start"] and r["end"] <= b for a, b in date_spans)]


def _link_acronyms(rows: list[dict], line: str, start: int) -> None:
    """An acronym in parentheses right after an organization takes its canonical name."""
    for a, b in zip(rows, rows[1:]):
        if a["label"] == "ORG" and b["label"] == "ORG" and \
                line[a["end"] - start:b["start"] - start].strip() == "(" and \
                line[b["end"] - start:b["end"] - start + 1] == ")" and len(b["text"].split()) <= 2:
            b["canonical"] = a["canonical"]


@lru_cache(maxsize=100_000)
def display(s: str) -> str:
    """A mention's spelling for ``canonical``: diacritics/tatweel/controls removed."""
    return normalize(s, "search", alef=False, punctuation=False, digits=False)


def _row(s: TaggedSentence, labels: list[str], gaz: dict, i: int, j: int, label: str,
         doc_first: frozenset) -> dict | None:
    """The table row of tokens i..j of one sentence, or None when nothing is left of it.

    Offsets are into the sentence's line; the caller adds the line's offset.
    """
    matches, norm, line = s.matches, s.norm, s.line
    ns, ne = matches[i].start(), matches[j - 1].end()
    c, lil = _leading_clitic(s, labels, i, label, doc_first)
    if c:
        # للأمم: the second ل is the article's; the span keeps it.
        ns += len(c) - (1 if lil else 0)
    # Trailing punctuation glued to a token never belongs to a name.
    while ne > ns and norm[ne - 1] in ".,;:!?\"'":
        ne -= 1
    if ne <= ns:
        return None
    os_, oe = s.omap.span(ns, ne)
    surface = line[os_:oe]
    canon = display(surface)
    if lil:
        canon = "ا" + canon[1:]
    if (i, j) in gaz and gaz[(i, j)][0] == label:
        canon = gaz[(i, j)][1]
    role = _role_text(s, labels, i, j) if label == "PER" else ""
    return {"text": surface, "start": os_, "end": oe, "label": label, "canonical": canon,
            "role": role, "source": s.src[i] or "model"}


def _leading_clitic(s: TaggedSentence, labels: list[str], i: int, label: str,
                    doc_first: frozenset) -> tuple[str, bool]:
    """The clitic of the first token of a name that is left out of its span, and
    whether it is ل before the article's ل (للأمم: ل + الأمم)."""
    toks, keys = s.toks, s.keys
    k0, t0 = keys[i], toks[i]
    # Leave out a leading clitic when what follows is a name we know.
    c, rest = known_split(k0)
    if not c and doc_first:
        c, rest = lex.strip_clitic(k0, doc_first)
    if not c and label != "PER":
        c, rest = clitic_split(k0)
        if not (rest.startswith("ال") and c in ("و", "ب", "ك", "ف", "وب", "ول")):
            c = ""
        elif lex.zipf(t0) > lex.zipf(t0[len(c):]):
            c = ""  # كاليفورنيا, بالتيمور: the whole word is the commoner reading
    # و between two names: يانوس فريس | ونيكلاس زينشتروم; but وليد, ويليام stay whole.
    if not c and label == "PER" and k0[0] == "و" and len(k0) >= 4 and i > 0 and \
            (labels[i - 1] == "PER" or toks[i - 1] in SEPARATORS) and \
            k0 not in lex.given_names() and lex.zipf(t0) <= lex.zipf(t0[1:]):
        c, rest = "و", k0[1:]
    # The conjunction و whose removal leaves a commoner word: ونام -> نام,
    # وحاتم -> حاتم; but واشنطن, وليد, وانغ stay whole.  (ف, ب, ل are left alone:
    # فيدل is not ف + يدل.)
    if not c and k0[0] == "و" and len(k0) >= 4 and lex.zipf(t0[1:]) >= 3.0 and \
            lex.zipf(t0[1:]) > lex.zipf(t0) + 0.3:
        c = "و"
    # A name right after its title takes no preposition: وزير الأشغال لخضر is Lakhdar.
    if c and c in "لبكف" and label == "PER" and i > 0 and toks[i - 1] not in SEPARATORS:
        rb = role_before(s, labels, i)
        if rb and rb[1] == i:
            c, rest = "", k0
    lil = bool(c) and rest.startswith("ال") and k0[len(c):].startswith("ل") \
        and not k0[len(c):].startswith("ال")
    # A list item after a comma: ، وباك جيانغ -> باك جيانغ.
    if not c and k0.startswith("و") and len(k0) >= 3 and i > 0 and \
            toks[i - 1] in SEPARATORS and label != "PER" and \
            (lex.zipf(t0) < 4.5 or lex.zipf(t0[1:]) > lex.zipf(t0)):  # not وزارة
        c = "و"
    return c, lil


def _role_text(s: TaggedSentence, labels: list[str], i: int, j: int) -> str:
    """The role of the person at tokens i..j as written (clitic and diacritics off)."""
    r = person_role(s, labels, i, j)
    if not r:
        return ""
    m = s.matches
    rs, re_ = s.omap.span(m[r[0]].start() + r[2], m[r[1] - 1].end())
    role = display(s.line[rs:re_])
    rest = s.keys[r[0]][r[2]:]
    if rest.startswith("ل") and not rest.startswith("ال"):
        role = "ال" + role[1:]  # (ل)لأمين العام -> الأمين العام
    return role
