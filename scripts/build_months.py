"""Generate ``src/akhbar/data/dates/months.json``: Arabic month and weekday names.

Gregorian month names and weekday names come from CLDR through Babel, for every
Arabic locale Babel ships (``ar``, ``ar_EG``, ``ar_SA``, ``ar_LB``, ``ar_SY``, ``ar_IQ``,
``ar_MA``, ``ar_TN``, ``ar_DZ``, ``ar_MR``, ...): Egyptian/Gulf يناير, Levantine/Iraqi
كانون الثاني, Maghrebi جانفي/يوليوز/غشت/شتنبر.  Babel has no Islamic-calendar names,
so the Hijri month names come from hijridate (``Hijri.month_name("ar")``).  A short
list of spellings common in the press that neither source has (Egyptian يونية,
Levantine كانون ثاني without the article, Hijri genitive ذي القعدة, ...) is added
under ``written_for_akhbar``.

Run: ``python scripts/build_months.py`` (rewrites the file; commit the result).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import babel
from babel import Locale, localedata
from hijridate import Hijri

DATA = Path(__file__).resolve().parents[1] / "src" / "akhbar" / "data" / "dates"
OUT = DATA / "months.json"
ORD_OUT = DATA / "ordinal_days.tsv"

# Ordinal day words 1-31 are built from these stems by the rules of MSA ordinals
# (masculine/feminine, teens with عشر/عشرة, units + و + tens); written for akhbar.
ORD_UNITS = {1: ("أول", "أولى"), 2: ("ثاني", "ثانية"), 3: ("ثالث", "ثالثة"), 4: ("رابع", "رابعة"),
             5: ("خامس", "خامسة"), 6: ("سادس", "سادسة"), 7: ("سابع", "سابعة"),
             8: ("ثامن", "ثامنة"), 9: ("تاسع", "تاسعة"), 10: ("عاشر", "عاشرة")}
COMPOUND_ONE = ("حادي", "حادية", "واحد")
TENS = {20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون")}


def ordinal_days() -> list[tuple[str, int]]:
    """(form, day) for الأول … الحادي والثلاثين, with the article, both genders."""
    forms: list[tuple[str, int]] = []
    for n, (m, f) in ORD_UNITS.items():
        forms += [("ال" + m, n), ("ال" + f, n)]
    # أول شباط (Levant), فاتح يوليوز and الفاتح من نوفمبر (Maghreb: "the opener" = the 1st),
    # غرة رمضان (the 1st)
    forms += [("أول", 1), ("فاتح", 1), ("الفاتح", 1), ("غرة", 1)]
    for n in range(11, 20):
        unit = n - 10
        stems = COMPOUND_ONE[:2] if unit == 1 else ORD_UNITS[unit]
        for stem in stems:
            for ten in ("عشر", "عشرة"):
                forms.append((f"ال{stem} {ten}", n))
    for tens, words in TENS.items():
        for w in words:
            forms.append(("ال" + w, tens))
        for unit in range(1, 10 if tens == 20 else 2):
            stems = COMPOUND_ONE if unit == 1 else ORD_UNITS[unit]
            for stem in stems:
                for w in words:
                    forms.append((f"ال{stem} وال{w}", tens + unit))
    return forms

# Spellings seen in Arabic news that CLDR and hijridate do not list.
EXTRA_GREGORIAN = {
    "يونية": 6, "يولية": 7, "أغسطس": 8, "اغسطس": 8, "أغستس": 8,
    "كانون ثاني": 1, "كانون أول": 12, "تشرين أول": 10, "تشرين ثاني": 11,
    "جانفييه": 1, "فيفرييه": 2, "جويليه": 7, "يوليوز": 7, "سيبتمبر": 9,
}
EXTRA_HIJRI = {
    "المحرم": 1, "محرّم": 1, "ربيع أول": 3, "ربيع الآخر": 4, "ربيع الاخر": 4,
    "ربيع ثاني": 4, "جمادى الأول": 5, "جمادى الاولى": 5, "جمادى الثانية": 6,
    "جمادى الثاني": 6, "جمادى الآخر": 6, "جمادى الأخيرة": 6, "ذي القعدة": 11,
    "ذي الحجة": 12, "ذو القعده": 11, "ذي القعده": 11,
}


def _clean(s: str) -> str:
    # CLDR sometimes uses a no-break space inside two-word names (تشرين الأول in ar_IQ).
    return " ".join(unicodedata.normalize("NFC", s).split())


# Decades of the 20th century as news writes them (الستينيات, تسعينات): stems + plural suffixes.
DECADE_STEMS = {"عشرين": 1920, "ثلاثين": 1930, "أربعين": 1940, "خمسين": 1950, "ستين": 1960,
                "سبعين": 1970, "ثمانين": 1980, "تسعين": 1990}


def decades() -> dict[str, int]:
    out = {}
    for stem, year in DECADE_STEMS.items():
        for suffix in ("يات", "ات"):
            out["ال" + stem + suffix] = year
            out[stem + suffix] = year
    return out


def main() -> None:
    locales = sorted(loc for loc in localedata.locale_identifiers()
                     if loc.split("_")[0] == "ar")
    months: dict[str, dict] = {}
    weekdays: dict[str, dict] = {}
    for loc in locales:
        data = Locale.parse(loc)
        for ctx in ("format", "stand-alone"):
            for width in ("wide",):
                try:
                    names = data.months[ctx][width]
                except KeyError:
                    continue
                for num, name in names.items():
                    entry = months.setdefault(_clean(name), {"month": int(num), "locales": []})
                    if loc not in entry["locales"]:
                        entry["locales"].append(loc)
                try:
                    days = data.days[ctx][width]
                except KeyError:
                    continue
                for num, name in days.items():
                    # Babel: 0 = Monday ... 6 = Sunday (Python's weekday()).
                    entry = weekdays.setdefault(_clean(name), {"weekday": int(num), "locales": []})
                    if loc not in entry["locales"]:
                        entry["locales"].append(loc)
    hijri = {_clean(Hijri(1445, m, 1).month_name("ar")): m for m in range(1, 13)}
    out = {
        "_source": (f"CLDR via Babel {babel.__version__} (gregorian month and weekday names, "
                    f"wide format and stand-alone, {len(locales)} Arabic locales); Hijri month "
                    "names from hijridate; entries under written_for_akhbar are press spellings "
                    "written for akhbar. Generated by scripts/build_months.py: do not edit."),
        "gregorian": {k: v for k, v in sorted(months.items(), key=lambda kv: (kv[1]["month"], kv[0]))},
        "weekdays": {k: v for k, v in sorted(weekdays.items(), key=lambda kv: (kv[1]["weekday"], kv[0]))},
        "hijri": {k: {"month": v, "source": "hijridate"} for k, v in hijri.items()},
        "written_for_akhbar": {
            "gregorian": {k: v for k, v in EXTRA_GREGORIAN.items() if _clean(k) not in months},
            "hijri": {k: v for k, v in EXTRA_HIJRI.items() if _clean(k) not in hijri},
            "decades": decades(),
        },
    }
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = ["# Arabic ordinal day words (1-31) for dates such as التاسع من أبريل. Source: "
             "written for akhbar (generated by scripts/build_months.py from MSA ordinal rules).",
             "# form\tday"]
    lines += [f"{form}\t{n}" for form, n in ordinal_days()]
    ORD_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(months)} gregorian, {len(weekdays)} weekday, {len(hijri)} hijri names")


if __name__ == "__main__":
    main()
