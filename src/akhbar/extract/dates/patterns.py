"""The date patterns, each a small named function of the lexicon and the fragments of
:mod:`.grammar`, registered with the trigger family whose words let it run.

Trigger families: mon (a Gregorian month name), hmon (a Hijri month name), hol (a
feast), y4 (a four-digit number), numsep (digits joined by / . -), shahr (الشهر), part
(الربع، النصف، أشهر …), edge (مطلع، منتصف، نهاية …), relday (أمس، اليوم، غداً), relper
(الأسبوع، الشهر، العام), wd (a weekday), ago (منذ، قبل، بعد), dec (a decade word).
"""

from __future__ import annotations

from akhbar.extract.dates.grammar import YEAR, YEAR_DIGITS, E, W, alt
from akhbar.extract.dates.lexicon import context, holy_words, n, year_words

PATTERNS: list[tuple[str, str, object]] = []
MONTHS_PLURAL = (n("أشهر"), n("شهور"))


def pattern(name: str, family: str):
    """Register a pattern builder under ``name`` for trigger ``family``."""
    def register(build):
        PATTERNS.append((name, family, build))
        return build
    return register


# ------------------------------------------------------------ days and months

@pattern("dm", "mon")
def _dm(lex, f):
    """15 سبتمبر 2024, الأحد 3 و4 مارس, 12-13 ديسمبر, 5 مايو الماضي."""
    return (rf"(?:{f.WDPRE})?(?P<d1>{f.DAY}){f.DLIST}(?:(?P<rsep>{f.RSEP})(?P<d2>{f.DAY}))?"
            rf"{f.DFILL}{f.MONP}{E}(?:{f.YFILL}(?P<y>{f.YEARX})|{f.MREL})?")


@pattern("hdm", "hmon")
def _hdm(lex, f):
    """5 رمضان 1445هـ, 10 ذي الحجة."""
    return (rf"(?:{f.WDPRE})?(?P<d1>{f.DAY}){f.DLIST}(?:(?P<rsep>{f.RSEP})(?P<d2>{f.DAY}))?"
            rf"{f.DFILL}" + n(r"(?:شهر\s)?") + rf"(?P<m1>{f.HMON}){E}(?:\s{f.HATT}{E})?"
            rf"(?:{f.YFILL}(?P<y>{YEAR}(?:{f.YSUF})?)|{f.MREL})?")


@pattern("my", "mon")
def _my(lex, f):
    """مارس 2023, شهر يونيو/حزيران 2019, يناير الماضي 2015."""
    return (W + n(r"(?:[وبلف]?(?:شهر|الشهر)\s)?") + rf"{W}[وبلف]?(?P<m1>{f.MON})"
            rf"(?:(?:\s?(?P<psep>[/(]|-)\s?|\s)(?P<m1b>{f.MON})\s?\)?)?(?:\s{f.REL_M})?"
            rf"{f.YFILL}(?P<y>{f.YEARX})")


@pattern("hmy", "hmon")
def _hmy(lex, f):
    """رمضان 1445, شهر شعبان 2019 (the Hijri month that falls in 2019)."""
    return W + n(r"(?:[وبلف]?شهر\s)?") + rf"{W}[وبلف]?(?P<m1>{f.HMON}){f.YFILL}(?P<y>{YEAR}(?:{f.YSUF})?)"


@pattern("mctx", "mon")
def _mctx(lex, f):
    """A yearless month in context: في مارس, شهر يونيو, مايو المنقضي, مارس من العام المقبل."""
    ctx = rf"(?:[وف]?{alt(context('prep_time'))}|{alt(context('prep_place'))})"
    return (rf"{W}(?:(?P<ctx>{ctx})\s|(?P<sh>[وبلف]?" + n("(?:شهر|الشهر)") + rf")\s)?{W}[وبلف]?"
            rf"(?P<m1>{f.MON}){E}{f.MON2}(?:\s(?P<rel>{f.REL_M}){E}|{f.YNOUN_REL}{E})?")


@pattern("mco", "mon")
def _mco(lex, f):
    """The second month of a coordination: في آذار ونيسان, سبتمبر أو أكتوبر."""
    return (n(r"\s?,?\s?(?:و|أو)\s?(?:شهر\s)?") + rf"(?P<m1>{f.MON}){E}{f.MON2}"
            rf"(?:\s(?P<rel>{f.REL_M}){E})?")


@pattern("hctx", "hmon")
def _hctx(lex, f):
    """A Hijri month after شهر, a preposition (في رمضان) or before المبارك/الماضي."""
    ctx = alt([*context("prep_time"), *context("hijri_time")])
    return (rf"{W}(?:(?P<hsh>[وبلف]?" + n("شهر") + rf")\s|(?P<hctx>[وف]?{ctx})\s)?"
            rf"(?P<m1>{f.HMON}){E}(?:\s(?P<hatt>{f.HATT}){E})?(?:\s(?P<hrel>{f.REL_M}){E})?"
            rf"(?:{f.YFILL}(?P<y>{YEAR}(?:{f.YSUF})?))?")


@pattern("mrange", "mon")
def _mrange(lex, f):
    """بين يناير ومارس 2023, من يناير إلى مارس 2022, يناير - مارس 2024."""
    return (n(rf"(?:{W}(?P<intro>(?:ما\s)?بين|من)\s(?:شهري\s|شهر\s)?)?") + rf"{W}(?P<m1>{f.MON})"
            + rf"\s?(?P<sep>[-–]|{f.RANGE}|و)\s?" + n(r"(?:شهر\s)?") + rf"(?P<m2>{f.MON}){f.YFILL}(?P<y>{f.YEARX})")


@pattern("holiday", "hol")
def _holiday(lex, f):
    """Feasts fixed in the Hijri calendar (عيد الفطر, يوم عرفة) and Christmas."""
    return (rf"{W}[وبلف]?(?P<h>{alt(lex.holidays)})(?:\s{alt(context('holiday_attr'))}{E})?"
            rf"(?:{f.YFILL}(?P<y>{f.YEARX}))?{E}")


@pattern("day_relmonth", "shahr")
def _day_relmonth(lex, f):
    """A day of a relative month: الـ27 من الشهر الجاري, يوم 3 من الشهر المقبل (not الشهر
    الأول, الشهر الفضيل)."""
    return (rf"(?:{W}" + n(r"يوم\s") + rf")?(?:{W}" + n("ال") + rf"\s?)?(?P<d1>{f.DAY})\s"
            + n(r"(?:من\s)?(?:(?P<this>هذا\sالشهر)|الشهر") + rf"(?:\s(?P<rel>{f.REL_M}))?){E}"
            rf"(?!\s{alt([*context('month_ordinal'), *holy_words('shahr')])}{E})")


@pattern("week_of_month", "mon")
def _week_of_month(lex, f):
    """الأسبوع الأول من ديسمبر, الأسبوع الأخير من مارس 2020."""
    return (rf"{W}[وبلف]?" + n("الأسبوع") + rf"\s(?P<ord>{alt(lex.part_ordinals)})\s"
            + n(r"(?:من|في)\s(?:شهر\s)?") + rf"(?P<m1>{f.MON}){E}(?:\s?[/(]\s?{f.MON}\s?\)?)?"
            rf"(?:\s(?P<mrel>{f.REL_M}){E}|{f.YFILL}(?P<y>{f.YEARX}))?")


# ------------------------------------------------------------ years

@pattern("year", "y4")
def _year(lex, f):
    """A year after a year noun: عام 2023, في سنة 1445 هـ, العام المالي 2024."""
    return rf"{W}(?P<pre>{f.YNOUN})(?P<y>{f.YEARX})"


@pattern("year_prep", "y4")
def _year_prep(lex, f):
    """A year after a preposition: في 2023, منذ 2015 (if no counted noun follows)."""
    return rf"{W}(?P<p>{f.YPREP})\s(?P<y>{YEAR})(?P<ys>{f.YSUF})?"


@pattern("year_suf", "y4")
def _year_suf(lex, f):
    """A year with its calendar suffix: 2015م, 1445هـ."""
    return rf"(?P<y>{YEAR})(?P<ys>{f.YSUF})"


@pattern("year_event", "y4")
def _year_event(lex, f):
    """A year after an event noun: موسم 2024, انتخابات الرئاسة الأميركية 2016, مؤتمر
    القاهرة 2014 (up to two words of place or kind between)."""
    return (rf"{W}[وبلف]?(?:{alt(year_words('event'))}|(?P<ev2>{alt(year_words('named_event'))})"
            rf"(?:\s(?!ال?{f.YSING}{E})[\u0621-\u064a]{{3,12}}){{0,2}})\s(?P<y>{YEAR})(?P<ys>{f.YSUF})?")


@pattern("year_range", "y4")
def _year_range(lex, f):
    """بين عامي 2010 و2015, 2014/2015, للفترة 2020-2025, موسم 2023-24."""
    ysep = rf"\s?(?:[-–—/_]|{f.RANGE}|و)\s?"
    return (rf"(?:{W}(?P<intro>{alt(context('range_intro'))})\s)?"
            rf"(?:{W}[وبلف]?(?:ال|لل|ل)?{alt(year_words('range_noun'))}\s?(?:{f.YADJ}\s(?:{f.YADJ}\s)?)?)?"
            rf"(?P<y1>{YEAR})(?P<ys1>{f.YSUF})?(?P<sep>{ysep})(?:(?:ال)?{f.YSING}\s)?"
            rf"(?P<y2>{YEAR_DIGITS}|\d\d(?![\d]))(?P<ys2>{f.YSUF})?")


@pattern("year_coord", "y4")
def _year_coord(lex, f):
    """Two years joined by و: 2018 و2022."""
    return rf"(?<![\d.,/-])(?P<y1>{YEAR})\s?" + n(r"و\s?") + rf"(?P<y2>{YEAR})"


@pattern("year_pair", "y4")
def _year_pair(lex, f):
    """عامي 2013 و2014: two years named by a dual."""
    return (rf"{W}(?:ال)?{alt(year_words('pair_noun'))}\s(?P<y1>{YEAR})\s?"
            + n(r"و\s?(?:عام\s)?") + rf"(?P<y2>{YEAR})")


@pattern("hijri_year", "y4")
def _hijri_year(lex, f):
    """1445 هـ, سنة 1400 هجرية (13xx-15xx: the rule keeps calendar.NEAR_HIJRI)."""
    return rf"(?:{W}(?:{f.YNOUN}))?(?P<y>1[3-5]\d\d)(?P<hs>{f.HSUF})"


# ------------------------------------------------------------ numeric dates

@pattern("numeric", "numsep")
def _numeric(lex, f):
    """15/09/2024, 2024-09-15, 29/5/1437هـ."""
    return (r"(?<![\d./-])(?P<a>\d{1,4})(?P<sep>\s?[/-]\s?|\.)(?P<b>\d{1,2})\s?(?P<sep2>[/.-])\s?"
            rf"(?P<c>\d{{4}}|\d{{1,2}})(?![\d]|[./-]\d)(?P<ys>{f.YSUF})?")


@pattern("month_year_num", "numsep")
def _month_year_num(lex, f):
    """9/2024: a month and its year."""
    return r"(?<![\d./-])(?P<b>0?[1-9]|1[0-2])/(?P<c>(?:19|20)\d\d)(?![\d]|[./-]\d)"


@pattern("numeric_dm", "numsep")
def _numeric_dm(lex, f):
    """Day/month after a weekday or بتاريخ/الموافق/يوم: الأحد 15/9."""
    return (rf"(?:(?:{f.WDPRE})|{W}" + alt(context("date_word")) + r"\s)"
            r"(?P<a>[0-3]?\d)/(?P<b>[01]?\d)(?![\d]|[./-]\d)")


# ------------------------------------------------------------ parts of periods

@pattern("part", "part")
def _part(lex, f):
    """الربع الأول من 2024, النصف الثاني من العام الماضي."""
    return (rf"{W}(?:[وبلف]|" + n(r"في\s|خلال\s") + rf")?(?P<part>{alt(lex.parts)})\s"
            rf"(?P<ord>{alt(lex.part_ordinals)})\s(?:{f.YSPEC})")


@pattern("months_n", "part")
def _months_n(lex, f):
    """الأشهر الثلاثة الأولى من 2024, الشهور الستة الماضية."""
    which = alt([*context("month_count_which"), *lex.rel_words(gender="f", moving=True)])
    return (rf"{W}(?:[وبلف]|" + n(r"في\s|خلال\s") + rf")?(?:ال)?{alt(MONTHS_PLURAL)}\s"
            rf"(?P<n>{alt(lex.month_counts)})\s(?P<which>{which})(?:\s(?:{f.YSPEC}))?")


@pattern("edge", "edge")
def _edge(lex, f):
    """مطلع/منتصف/نهاية a month, a Hijri month, الشهر, الأسبوع or a year; متم (Morocco:
    "the completion") is the end; آخر يوم من / اليوم الأول من name one day.  "بداية
    الشهر الفضيل" is Ramadan, not the current calendar month."""
    return (rf"{W}[وبلف]?(?P<edge>{alt(lex.edges)})\s(?:"
            + n(r"(?:شهر\s)?") + rf"(?P<m1>{f.MON}){E}{f.MON2}"
            rf"(?:\s(?P<mrel>{f.REL_M}){E}|{f.YFILL}(?P<my>{f.YEARX}))?|"
            + n(r"(?:شهر\s)?") + rf"(?P<hm>{f.HMON}){E}(?:\s{f.HATT}{E})?"
            rf"(?:\s(?P<hrel>{f.REL_M}){E}|{f.YFILL}(?P<hy>{YEAR}(?:{f.YSUF})?))?|"
            + n(r"(?P<rm>الشهر|هذا الشهر)") + rf"(?!\s{f.HOLY}{E})(?:\s(?P<rmrel>{f.REL_M}))?|"
            + n(r"(?P<rw>الأسبوع|هذا الأسبوع)") + rf"(?:\s(?P<rwrel>{f.REL_M}))?{E}|"
            f"(?:{f.YSPEC}))")


@pattern("decade", "dec")
def _decade(lex, f):
    """التسعينيات, ثمانينيات القرن الماضي (not في الثلاثينيات من عمره: an age)."""
    century = alt([*context("century"), *(w for w in lex.rel_words(gender="m")
                                          if lex.relative[w].offset < 0)])
    return (rf"{W}[وبلف]?(?P<dec>{alt(lex.decades)})"
            + n(r"(?:\s(?:من\s)?القرن\s") + century + ")?" + E
            + n(r"(?!\s(?:من\s)?") + alt(context("age")) + rf"{E})")


# ------------------------------------------------------------ relative dates

@pattern("ago", "ago")
def _ago(lex, f):
    """منذ ثلاثة أيام, قبل عامين, بعد أسبوع."""
    units = {}
    for w, (_, form) in lex.time_units.items():
        units.setdefault(form, []).append(w)
    numw = r"(?:\d{1,3}|[\u0621-\u064a]{3,8}(?:\s[\u0621-\u064a]{3,8})?)"
    counted = alt(units["singular"] + units["accusative"] + units["plural"])
    return (rf"{W}و?(?P<dir>{alt(context('ago'))})\s(?:(?P<num>{numw})\s(?P<unit>{counted})|"
            rf"(?P<dual>{alt(units['dual'])})|(?P<one>{alt(units['singular'])})){E}")


@pattern("rel_day", "relday")
def _rel_day(lex, f):
    """أمس, اليوم, غداً, أول أمس, بعد غد, صباح اليوم, أمس (الأحد)."""
    return (rf"{W}(?:(?P<tod>{f.TOD_REL})\s)?(?P<w>{alt(lex.relative_days)})"
            rf"(?:\s(?P<po>\(\s?)?(?P<wd>{f.WD})(?(po)\s?\)))?{E}")


@pattern("rel_period", "relper")
def _rel_period(lex, f):
    """الأسبوع الماضي, هذا الشهر, العام المقبل, السنة الجارية."""
    return (rf"{W}[وبلف]?(?:" + n(r"(?P<this>هذا|هذه)\s") + rf")?(?P<per>{alt(lex.periods)})"
            rf"(?:\s(?P<rel>{f.REL}))?{E}")


@pattern("rel_wd", "wd")
def _rel_wd(lex, f):
    """مساء يوم (الأحد) المقبل, الجمعة الماضية, ليل الخميس - الجمعة (a night across
    two days)."""
    return (rf"{W}(?:(?P<tod>{f.TOD})\s(?P<po>\(\s?)?)?[وف]?(?P<wd>{f.WD})(?(po)\s?\))"
            rf"(?(tod)(?:(?:\s?[-/]\s?|\s)(?P<wd2>{f.WD}){E})?)(?:\s(?P<rel>{f.REL_MOVE}))?{E}")
