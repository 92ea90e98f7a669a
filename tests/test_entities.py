"""Tests of the entity extractor (akhbar.extract.entities), on the shipped model.

The cases (names to find, and what is not a name) are in tests/cases/entities/, run by
test_cases.py; the table's schema and offsets are checked by test_contract.py.
"""

from __future__ import annotations

import doctest

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import akhbar
from akhbar.errors import ConfigError
from akhbar.extract import entities as ent
from akhbar.extract.entities import (canonicalize, extract_entities,
                                     find_entities, lexicon, organizations, people, places,
                                     sentence, tagger)


@pytest.fixture(scope="module")
def sample_entities():
    return extract_entities(akhbar.load_sample())


def test_sample_labels_and_sources(sample_entities):
    df = sample_entities
    assert len(df) > 200
    assert set(df["label"]) <= {"PER", "ORG", "LOC", "MISC"}
    assert set(df["source"]) <= {"model", "gazetteer", "rule"}


# The spelling variants the corpus README lists, plus the same man across articles.
VARIANTS = [("نجوين فو ترونج", "نجوين فو ترونغ"), ("فان آنه سون", "فان آن سون"),
            ("نغو لي فان", "نجو لي فان"), ("نغوين مانه كوين", "نغوين مان كوين"),
            ("لي هواي ترونج", "لي هواي ترونغ"), ("فو فان ثونج", "فو فان ثونغ")]


@pytest.mark.parametrize("a,b", VARIANTS)
def test_readme_variants_share_canonical(sample_entities, a, b):
    df = sample_entities
    ca = set(df.loc[df["text"] == a, "canonical"])
    cb = set(df.loc[df["text"] == b, "canonical"])
    assert ca and cb, (a, b)
    assert ca == cb and len(ca) == 1


def test_different_people_do_not_merge(sample_entities):
    df = sample_entities
    canon = dict(zip(df["text"], df["canonical"]))
    # Nguyen Phu Trong, Le Hoai Trung and Truong Thi Mai share the syllable ترونغ/ترونج.
    names = ["نجوين فو ترونج", "لي هواي ترونغ", "ترونج ثي ماي"]
    assert len({canon[n] for n in names}) == 3


def _frame(rows):
    return pd.DataFrame([{"article_id": a, "text": t, "start": 0, "end": len(t), "label": lab,
                          "canonical": t, "role": "", "source": "model"}
                         for a, t, lab in rows])


def test_canonicalize_short_mention_joins_only_unique_full_name():
    df = canonicalize(_frame([
        ("a", "فان آنه سون", "PER"), ("a", "سون", "PER"),          # joins
        ("b", "نجوين فو ترونغ", "PER"), ("b", "لي هواي ترونغ", "PER"),
        ("b", "ترونغ", "PER"),                                      # ambiguous: stays
        ("c", "سون", "PER"),                                        # other article: stays
        ("c", "نجوين فو ترونج", "PER"),                             # variant across articles
    ]))
    got = list(df["canonical"])
    assert got[1] == "فان آنه سون"
    assert got[4] == "ترونغ"
    assert got[5] == "سون"
    assert got[6] == got[2]
    assert got[2] != got[3]


def test_canonicalize_hamza_diacritics_and_labels():
    df = canonicalize(_frame([("a", "إيمانويل ماكرون", "PER"), ("b", "ايمانويل ماكرون", "PER"),
                              ("a", "الأردن", "LOC"), ("b", "الاردن", "LOC"),
                              ("b", "الأردن", "ORG")]))
    assert df["canonical"][0] == df["canonical"][1]
    assert df["canonical"][2] == df["canonical"][3] == "الأردن"
    assert df["label"][4] == "ORG"  # labels are kept apart


def test_summaries(sample_entities):
    ppl, orgs, plc = people(sample_entities), organizations(sample_entities), \
        places(sample_entities)
    trong = ppl[ppl["variants"].str.contains("نجوين فو ترونغ")].iloc[0]
    assert "نجوين فو ترونج" in trong["variants"]
    assert "الأمين العام" in trong["roles"]
    assert trong["articles"] >= 2
    assert set(orgs["label"]) == {"ORG"} and set(plc["label"]) == {"LOC"}
    vn = plc[plc["canonical"] == "فيتنام"].iloc[0]
    assert vn["mentions"] >= 5


def test_empty_and_plain_inputs():
    df = extract_entities("")
    assert df.empty and people(df).empty
    frame = pd.DataFrame({"id": ["x"], "text": ["زار الرئيس الفرنسي إيمانويل ماكرون بكين"]})
    out = extract_entities(frame)
    assert set(out["article_id"]) == {"x"}


def test_unknown_backend():
    with pytest.raises(ConfigError):
        find_entities("نص", backend="spacy")


def test_find_entities_takes_find_dates_arguments_and_no_others():
    from datetime import date
    text = "استقبل الرئيس فو فان ثونج يوم الأحد الماضي وفدا من هانوي"
    rows = find_entities(text, published=date(2024, 5, 14), reference_date=date(2024, 5, 1))
    assert [(r["text"], r["label"]) for r in rows] == [("فو فان ثونج", "PER"),
                                                       ("هانوي", "LOC")]
    with pytest.raises(TypeError, match="lang"):
        find_entities(text, lang="ar")


def test_entities_table_names_an_unknown_option():
    art = akhbar.load_sample()[0]
    with pytest.raises(ConfigError, match="'windwo'"):
        ent.entities_table(art, windwo=3)
    assert ent.entities_table(art, backend="default").equals(ent.entities_table(art))


def test_date_words_are_no_entities():
    """A month is no organization: the dates extractor's spans are left out."""
    from akhbar.extract.dates import find_dates
    text = "وصل الوفد في نيسان (أبريل) الماضي إلى هانوي"
    assert any(r["text"].startswith("نيسان") for r in find_dates(text))
    assert [r["text"] for r in find_entities(text)] == ["هانوي"]


def test_a_dates_bug_is_not_hidden(monkeypatch):
    """An error in the dates extractor reaches the caller (it used to be swallowed)."""
    from akhbar.extract.entities import mentions

    def broken(text, **kw):
        raise RuntimeError("dates bug")
    monkeypatch.setattr(mentions, "find_dates", broken)
    with pytest.raises(RuntimeError, match="dates bug"):
        find_entities("زار الرئيس فو فان ثونج هانوي")


def test_one_clitic_list_for_tagger_and_segmenter():
    """text/clitics.tsv is read by both: the tagger's stems and segment's pieces agree
    on the one-letter clitics."""
    from akhbar.text.segment import segment
    assert lexicon.CLITICS[:2] == ("وبال", "وكال") and lexicon.CLITICS[-5:] == (
        "و", "ف", "ب", "ل", "ك")
    assert lexicon.strip_clitic("وبالصين") == ("وب", "الصين")
    assert [p.role for p in segment("وبالصين")] == ["conj", "prep", "det", "stem"]
    assert [p.text for p in segment("فكتاب")] == ["ف", "كتاب"]


def test_tagger_tokens_are_text_tokenize_word_runs():
    from akhbar.text.tokenize import word_run_pattern
    assert lexicon.TOKEN_RE is word_run_pattern()
    assert lexicon.tokens("قمة G20 في 12.5%") == ["قمة", "G", "20", "في", "12.5", "%"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي ىةءأإآؤئ ًٌٍَُِّْـ،.:()\n0123456789 ",
               max_size=120))
def test_offsets_property(text):
    for r in find_entities(text):
        assert 0 <= r["start"] < r["end"] <= len(text)
        assert text[r["start"]:r["end"]] == r["text"]


def test_long_paragraph_is_tagged_sentence_by_sentence():
    sentence = "وقال الرئيس فو فان ثونج إن فيتنام والصين وقعتا اتفاقية. "
    rows = find_entities(sentence * 200)
    assert len(rows) == 600
    assert {r["text"] for r in rows} == {"فو فان ثونج", "فيتنام", "الصين"}


def test_doctests():
    import importlib
    import pkgutil
    attempted = 0
    for mod in pkgutil.walk_packages(ent.__path__, ent.__name__ + "."):
        res = doctest.testmod(importlib.import_module(mod.name),
                              optionflags=doctest.NORMALIZE_WHITESPACE)
        assert res.failed == 0, mod.name
        attempted += res.attempted
    res = doctest.testmod(ent, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert res.attempted >= 5 and res.failed == 0
    assert attempted >= 10


# ---------------------------------------------------------------- features


def test_name_lists_are_tagger_features():
    """GeoNames cities and JRC-Names name parts reach the CRF as features."""
    from akhbar.extract.entities.features import _own, _seen_from
    assert "geo" in _own("تبليسي") and "geo" in _own("وتبليسي")  # with a clitic
    assert "pn" in _own("رامسفيلد") and "pn" in _own("ورامسفيلد")
    assert "pnz=0" in _own("رامسفيلد")  # rare in general text
    # function words are left out of both lists, although the name dictionary has them
    for word in ("في", "من", "قال"):
        assert not {"pn", "geo"} & set(_own(word))
    assert "pn1" in _seen_from("رامسفيلد", 1) and "geo-2" in _seen_from("تبليسي", -2)


def test_nationality_adjective_feature():
    """A definite nisba (الروسي, والتشيكية) is shown to its neighbours; others are not."""
    from akhbar.extract.entities.features import _seen_from
    assert "nis-1" in _seen_from("الروسي", -1)
    assert "nis1" in _seen_from("والتشيكية", 1)
    for word in ("الذي", "الرئيس", "روسي", "التي", "الاحد"):
        assert not any(f.startswith("nis") for f in _seen_from(word, -1)), word


# ---------------------------------------------------------------- compiled CRF


def _sample_sentences():
    """The sample corpus as the tagger sees it: (tokens, token_info) per sentence."""
    from akhbar.extract.entities.features import token_info
    from akhbar.text.normalize import normalize_with_offsets
    out = []
    for a in akhbar.load_sample():
        for _, line in sentence.lines_of(a.text):
            norm, _ = normalize_with_offsets(line, "search", alef=False)
            for matches in sentence.sentences(list(lexicon.TOKEN_RE.finditer(norm))):
                toks = [m.group() for m in matches]
                out.append((toks, token_info(toks)))
    return out


def _anercorp_sentences(limit):
    from akhbar.eval._data import eval_dir
    from akhbar.eval.entities import read_conll
    from akhbar.extract.entities.features import token_info
    root = eval_dir()
    path = root / "anercorp" / "ANERCorp_CamelLab_test.RECONSTRUCTED.txt" if root else None
    if path is None or not path.exists():
        pytest.skip("ANERcorp test split not present (AKHBAR_EVAL_DIR)")
    sents = [[t for t, _ in s] for s in read_conll(path)[:limit]]
    return [(toks, token_info(toks)) for toks in sents]


def _crfsuite_tags(sents):
    from akhbar.extract.entities.features import sent_features
    return [list(tagger._crf().tag(sent_features(toks, info))) for toks, info in sents]


@pytest.mark.parametrize("source", ["sample", "anercorp"])
def test_compiled_crf_tags_like_crfsuite(source):
    """Tag for tag, on real text, decoded in one batch and sentence by sentence."""
    assert tagger._compiled() is not None
    sents = _sample_sentences() if source == "sample" else _anercorp_sentences(400)
    want = _crfsuite_tags(sents)
    assert tagger._crf_tags(sents) == want
    assert [tagger._crf_tags([s])[0] for s in sents[:50]] == want[:50]
    assert any(t != "O" for tags in want for t in tags)


def test_compiled_features_are_sent_features():
    """FeatureIds lists the known features of sent_features, in the same order."""
    ids, crf = tagger._compiled()
    sents = _sample_sentences()
    assert ids.check(sents)
    # And the check can fail: one sentence's features reordered are not the same.
    from akhbar.extract.entities import features as nf
    orig = nf.sent_features
    try:
        nf.sent_features = lambda toks, info=None: [f[::-1] for f in orig(toks, info)]
        assert not ids.check(sents[:3])
    finally:
        nf.sent_features = orig


def test_compiled_crf_reads_the_model_file():
    """Weights and labels read from the file agree with python-crfsuite's dump."""
    ids, crf = tagger._compiled()
    info = tagger._crf().info()
    assert list(crf.labels) == tagger._crf().labels()
    assert crf.weights.shape == (len(info.attributes) + 1, len(crf.labels))
    lab = {x: i for i, x in enumerate(crf.labels)}
    # The dump prints six decimals; the file holds the float64 weights.
    for (attr, label), w in list(info.state_features.items())[::97]:
        assert abs(crf.weights[crf.attr_id[attr], lab[label]] - w) <= 5e-7
    for (a, b), w in info.transitions.items():
        assert abs(crf.trans[lab[a], lab[b]] - w) <= 5e-7
    assert not crf.weights[crf.zero].any()


def test_compiled_crf_reads_any_model(tmp_path):
    """A model trained here (other labels, other attributes) decodes like crfsuite."""
    import pycrfsuite

    from akhbar.extract.entities.crf import CRF
    from akhbar.extract.entities.features import FeatureIds, sent_features
    sents = _sample_sentences()
    trainer = pycrfsuite.Trainer(verbose=False)
    for (toks, info), tags in zip(sents[:80], _crfsuite_tags(sents[:80])):
        trainer.append(sent_features(toks, info), [t[2:] or "O" for t in tags])
    trainer.set_params({"max_iterations": 30, "c1": 0.05, "c2": 0.01})
    path = tmp_path / "small.crfsuite"
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    crf = CRF(path)
    assert list(crf.labels) == tagger.labels() and "PER" in crf.labels
    ids = FeatureIds(crf.attr_id, crf.weights)
    assert ids.check(sents)
    want = [tagger.tag(sent_features(toks, info)) for toks, info in sents]
    got = crf.viterbi(ids.scores(sents), [len(t) for t, _ in sents])
    assert [[crf.labels[y] for y in path] for path in got] == want


def test_compiled_token_table_starts_afresh_when_full():
    """A bounded token table gives the same state scores as an unbounded one."""
    from akhbar.extract.entities.features import FeatureIds
    _, crf = tagger._compiled()
    sents = _sample_sentences()
    big = FeatureIds(crf.attr_id, crf.weights)
    small = FeatureIds(crf.attr_id, crf.weights, maxsize=300)
    for k in range(0, 60, 6):
        chunk = sents[k:k + 6]
        assert (small.scores(chunk) == big.scores(chunk)).all()
    assert small._size <= 300 < big._size


def test_compiled_crf_rejects_other_files(tmp_path):
    from akhbar.extract.entities.crf import CRF
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model at all, but long enough for a header......")
    with pytest.raises(ConfigError, match="not a CRFsuite"):
        CRF(bad)


def test_crfsuite_fallback(monkeypatch):
    """AKHBAR_NER_CRFSUITE=1 tags with python-crfsuite, with the same result."""
    text = akhbar.load_sample()[0].text
    fast = find_entities(text)
    monkeypatch.setenv("AKHBAR_NER_CRFSUITE", "1")
    tagger._compiled.cache_clear()
    try:
        assert tagger._compiled() is None
        assert find_entities(text) == fast
    finally:
        monkeypatch.delenv("AKHBAR_NER_CRFSUITE")
        tagger._compiled.cache_clear()


def test_unusual_characters_are_tagged_like_crfsuite():
    """A lone surrogate or NUL in a token gives crfsuite's tags (it cuts at NUL)."""
    toks = ["قال", "الرئيس", "فو\x00", "فان", "ثونج", "\ud800", "في", "هانوي"]
    from akhbar.extract.entities.features import token_info
    sents = [([t.replace("\ud800", "\ufffd") for t in toks], None)]
    sents = [(s, token_info(s)) for s, _ in sents]
    assert ent.tag_tokens(toks)[0][:2] == ["O", "O"]
    assert tagger._crf_tags(sents) == _crfsuite_tags(sents)


# ---------------------------------------------------------------- camel backend


def test_camel_backend_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="camel_data -i ner-arabert"):
        find_entities("زار ماكرون بكين", backend="camel", model_path=tmp_path / "none")


def test_camel_backend_loads_a_model_in_camel_layout(tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    words = ["زار", "ماكرون", "بكين", "الرئيس", "في"]
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = transformers.BertTokenizer(str(tmp_path / "vocab.txt"), do_lower_case=False)
    labels = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=8, num_hidden_layers=1,
                                     num_attention_heads=2, intermediate_size=16,
                                     num_labels=len(labels),
                                     id2label=dict(enumerate(labels)),
                                     label2id={lab: i for i, lab in enumerate(labels)})
    torch.manual_seed(0)
    model = transformers.BertForTokenClassification(config)
    with torch.no_grad():  # make the tiny model say B-PERS for every word piece
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[labels.index("B-PERS")] = 5.0
    model.save_pretrained(tmp_path)
    tok.save_pretrained(tmp_path)
    text = "زار ماكرون بكين"
    rows = find_entities(text, backend="camel", model_path=tmp_path)
    assert [r["text"] for r in rows] == ["زار", "ماكرون", "بكين"]
    assert all(r["label"] == "PER" and r["source"] == "model" for r in rows)
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    df = extract_entities(text, backend="camel", model_path=tmp_path)
    assert len(df) == 3
