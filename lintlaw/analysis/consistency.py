"""Arithmetic a report states about itself (docs/domain.md §5).

Each check reads the figures of one sentence (lintlaw/analysis/facts.py) and reports an
Issue only when the text gives everything the check needs; anything it cannot
verify it leaves alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from lintlaw.text.chars import HAN
from lintlaw.analysis.facts import (
    BOOK_TITLE,
    DONE_WORDS,
    PART_MARKER,
    ROLE_CHANGE,
    ROLE_DONE,
    ROLE_RATE,
    ROLE_REMAINDER,
    ROLE_TOTAL,
    TOTAL_WORDS,
    Facts,
    Figure,
    facts_of,
)
from lintlaw.analysis.issue import Issue

EPSILON = 1e-9
# Float arithmetic's own error on amounts, relative to their size: 1.83万亿元 + 9300亿元 comes
# to 2.76万亿元 and 0.0005 元. Far below one 元 of any amount a report states.
FLOAT_ERROR = 1e-12
MAX_SHOWN = 4  # computations a rate finding spells out
# Only sentences with one of these can hold a rate, a part list, a listed count or
# a total (a rate's name has 率, 占 or 比例); the rest never have their figures read.
_CUES = re.compile(r"率|占|比例|其中|包括|分别|其余|剩余|余下|》|共|合计|总计|累计")
# Of those, only a sentence with one of these can give a finding: a total's words (a
# restated total), a percent sign (a rate) or a part list; or else a 《》 title with a count
# of documents (_checkable). A sentence is read only when it passes both filters; the rest
# are passed over before their figures are read, the costliest step. Each alternative
# opens with a literal, so re finds candidates by their first characters.
_CHECKABLE = re.compile(rf"{TOTAL_WORDS}|%|％|{PART_MARKER.pattern}")
# Units that count the same thing.
_UNIT_FAMILY = {"名": "人", "位": "人"}
_CHAIN_BREAK = re.compile(r"[；;]")
# Rates that may exceed 100%: growth, completion or execution of a plan, use of
# capacity, and gross ratios (毛入学率 counts pupils of any age against one age group).
_MAY_EXCEED = re.compile(r"增|涨|升|提高|提升|完成|执行|超|使用|利用|同比|环比|毛")
_OPENS_WITH_PARTS = re.compile(r"\s*(?:其中|包括|分别为|分别是)")
_APPROXIMATE_RATE = re.compile(r"(?:约|近|超过|逾|接近)\s*$")

# A listed count: "出台3部规范性文件：《…》《…》《…》" or "《…》《…》等2部法规".
_TITLE_GAP = re.compile(r"[、，,和及与\s]*")
_DOC_UNITS = frozenset("部件份个项本篇套册门")
_DOC_NOUN = (rf"[{HAN}]{{0,6}}?(?:文件|制度|办法|法律|法规|规章|条例|方案|意见|政策|措施|规定|通知|"
             r"细则|规则|标准|指南|指引|读本|教材|课程|书籍|图书|手册|规划|计划|清单)")
_BACKWARD_TAIL = re.compile(r"\s*(?P<etc>等)?\s*(?:共\s*)?$")


@functools.cache
def _list_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(forward list lead, document noun after a count, a count of documents), compiled
    on first need.

    Only sentences with a 《》 title use them, and their alternations are among the
    costliest patterns to compile at start-up.
    """
    forward = re.compile(
        rf"{_DOC_NOUN}\s*(?P<conn>[：:]|[（(]|[，,]?\s*(?:即|分别是|分别为|具体为|具体是)[：:]?|[，,]?\s*包括[：:]?)\s*(?=《)")
    # Both ways of listing start with the noun right after the count's unit (_listed_after,
    # _listed_before): a sentence without one has no listed count.
    count = re.compile(rf"[{''.join(sorted(_DOC_UNITS))}]{_DOC_NOUN}")
    return forward, re.compile(_DOC_NOUN), count


class RateCheck(NamedTuple):
    """A stated rate and what the sentence offers to recompute it."""

    rate: Figure
    parts: tuple[Figure, ...] = ()
    wholes: tuple[Figure, ...] = ()
    pairs: tuple[tuple[Figure, Figure], ...] = ()  # (part, whole) combinations tried
    matched: tuple[Figure, Figure] | None = None
    # 100% with the numerator the only same-unit count of its clause group: the
    # numerator is its own whole ("法制审核14件，审核率100%").
    sole: Figure | None = None

    @property
    def checkable(self) -> bool:
        return bool(self.parts and self.wholes)


@dataclass
class Analysis:
    rates: list[RateCheck] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def analysis_of(document) -> Analysis:
    return document.fact("consistency", lambda: analyse(facts_of(document), document.source.text))


def analyse(facts: Facts, text: str) -> Analysis:
    result = Analysis()
    stated: dict[tuple, Figure] = {}  # a total's whole lead-in → where it was first stated
    for index, sentence in enumerate(facts.sentences):
        start, end = sentence.start, sentence.end
        if not _CUES.search(text, start, end) or not _checkable(text, start, end):
            continue  # most sentences have no cue
        figures = facts.figures(index)
        if not figures:
            continue
        restated = _check_restated(figures[0], text, stated)
        if restated:
            result.issues.append(restated)
        for figure in figures:
            if figure.role == ROLE_RATE:
                check = _check_rate(figure, figures, text)
                result.rates.append(check)
                if check.checkable and check.matched is None:
                    result.issues.append(_rate_issue(check))
                if _over_100(figure):
                    q = figure.quantity
                    result.issues.append(Issue("rate-over-100", q.start, q.end,
                                               {"name": figure.cue, "found": q.text}))
        result.issues.extend(_check_parts(figures, text, sentence.start, sentence.end,
                                          _whole_before(facts, index)))
        result.issues.extend(_check_listed(figures, text, sentence.start, sentence.end))
    return result


def _checkable(text: str, start: int, end: int) -> bool:
    """Whether any check can report in the sentence text[start:end]."""
    if _CHECKABLE.search(text, start, end):
        return True
    # A listed count needs a title and a count of documents (_check_listed).
    return text.find("《", start, end) >= 0 and _list_patterns()[2].search(text, start, end) is not None


def _check_restated(first: Figure, text: str, stated: dict) -> Issue | None:
    """The same total, introduced by exactly the same words, stated again with another value.

    Only a sentence's first figure counts, and only when all the words before it
    (at least six characters, a total word among them) are the same both times:
    "全年共办理行政复议案件20件" … "全年共办理行政复议案件22件".
    """
    q = first.quantity
    if first.role != ROLE_TOTAL or not _countable(first):
        return None
    lead = text[first.sentence.start:q.start].strip()
    if len(lead) < 6:
        return None
    key = (first.sentence.report, lead, _family(q.unit))
    earlier = stated.setdefault(key, first)
    if earlier is first or not _differ(earlier.quantity.value, q.value):
        return None
    return Issue("restated", q.start, q.end, {"found": q.text, "earlier": earlier.quantity.text,
                                             "lead": lead},
                 ((earlier.quantity.start, earlier.quantity.end, "前文"),))


def _family(unit: str) -> str:
    return _UNIT_FAMILY.get(unit, unit)


def _countable(figure: Figure) -> bool:
    return figure.quantity.exact_count and not figure.quantity.percent


# --- rates -------------------------------------------------------------------

def _check_rate(rate: Figure, figures: list[Figure], text: str) -> RateCheck:
    # Numerator and denominator come from the rate's own clause group: after a
    # "；" the sentence speaks of another subject.
    group = _group_start(text, rate.sentence.start, rate.quantity.start)
    # A count followed by a share of its own ("其他公文5条，占41%") belongs to that share:
    # it is neither the part nor the whole of the next share.
    shared = set()
    if rate.cue.startswith("占"):
        shared = {id(f) for f, after in zip(figures, figures[1:])
                  if after is not rate and after.role == ROLE_RATE and after.cue.startswith("占")}
    before = [f for f in figures if group <= f.quantity.start and f.quantity.end <= rate.quantity.start
              and _countable(f) and id(f) not in shared]
    if not before:
        return RateCheck(rate)
    name = rate.cue
    if name.endswith("率"):
        parts = _parts_named(name[:-1], before)
    elif name.startswith("占"):  # 占比, 占…的: the part is not named, so any figure may be it
        parts = before
    else:  # 比例 names no part
        return RateCheck(rate)
    wholes = before
    if name.startswith("占"):
        # A share is of the whole: a total stated earlier in the sentence still counts
        # across a "；" ("共受理12件，公开6件，占50%；无法提供6件，占50%").
        wholes = [f for f in figures if f.quantity.start < group and f.role == ROLE_TOTAL
                  and _countable(f) and id(f) not in shared] + before
    pairs = [(part, whole) for part in parts for whole in wholes
             if whole is not part and _family(whole.quantity.unit) == _family(part.quantity.unit)
             and whole.quantity.value >= part.quantity.value > 0]
    if not pairs:
        return RateCheck(rate, tuple(parts), sole=_sole_numerator(rate, parts, before))
    stated = rate.quantity
    tolerance = 10.0 ** -stated.decimals
    if _APPROXIMATE_RATE.search(rate.prefix) or stated.approximate:
        tolerance += 1.0
    parts = tuple(dict.fromkeys(part for part, _ in pairs))
    wholes = tuple(dict.fromkeys(whole for _, whole in pairs))
    for part, whole in pairs:
        computed = 100.0 * part.quantity.value / whole.quantity.value
        # Rounded or truncated to the decimals shown (140/151 = 92.715… → 92.71%).
        if abs(computed - stated.value) < tolerance - EPSILON:
            return RateCheck(rate, parts, wholes, tuple(pairs), (part, whole))
    return RateCheck(rate, parts, wholes, tuple(pairs))


def _group_start(text: str, start: int, end: int) -> int:
    """Where the clause group holding `end` begins: just after the last "；" before it."""
    cut = max(text.rfind("；", start, end), text.rfind(";", start, end))
    return max(start, cut + 1)  # rfind gives -1 when there is none


def _sole_numerator(rate: Figure, parts: list[Figure], before: list[Figure]) -> Figure | None:
    if abs(rate.quantity.value - 100.0) > EPSILON or len(parts) != 1:
        return None
    family = _family(parts[0].quantity.unit)
    if any(f is not parts[0] and _family(f.quantity.unit) == family for f in before):
        return None
    return parts[0]


def _over_100(rate: Figure) -> bool:
    """A part-of-whole rate above 100%; growth, plan and gross rates may be."""
    return (rate.quantity.value > 100 + EPSILON and not _MAY_EXCEED.search(rate.cue)
            and not _MAY_EXCEED.search(rate.prefix))


def _parts_named(stem: str, figures: list[Figure]) -> list[Figure]:
    """Figures whose clause names the rate's stem: 办结率 ← 已办结121件.

    The longest matching tail of the stem wins: 线上录取率 prefers 线上录取4402人
    over 共录取4420人.
    """
    for length in range(len(stem), 1, -1):
        tail = stem[-length:]
        named = [f for f in figures if tail in f.prefix]
        if named:
            return named
    return []


def _rate_issue(check: RateCheck) -> Issue:
    q = check.rate.quantity
    computed = [f"{part.quantity.text}÷{whole.quantity.text}＝"
                f"{_percent(100.0 * part.quantity.value / whole.quantity.value, q.decimals)}"
                for part, whole in check.pairs]
    related = [(f.quantity.start, f.quantity.end, "分子") for f in check.parts]
    related += [(f.quantity.start, f.quantity.end, "分母") for f in check.wholes]
    shown = "，".join(computed[:MAX_SHOWN]) + ("等" if len(computed) > MAX_SHOWN else "")
    return Issue("rate", q.start, q.end, {"name": check.rate.cue, "found": q.text, "computed": shown},
                 tuple(related))


def _percent(value: float, decimals: int) -> str:
    return f"{value:.{max(decimals, 1)}f}%"


# --- parts and total ---------------------------------------------------------

def _check_parts(figures: list[Figure], text: str, start: int, end: int,
                 previous_whole: Figure | None = None) -> list[Issue]:
    issues = []
    for marker in PART_MARKER.finditer(text, start, end):
        # The whole is the nearest count before 其中, looking past a rate in between:
        # "审结131件，审结率92.25%，其中维持87件…".
        before = [f for f in figures if f.quantity.end <= marker.start() and not f.quantity.percent]
        if before:
            whole = before[-1]
            if not _countable(whole) or _CHAIN_BREAK.search(text, whole.quantity.end, marker.start()):
                continue
        elif previous_whole is not None and not text[start:marker.start()].strip():
            whole = previous_whole  # "…申请2,310件，均已办结。其中，迁入980件…"
        else:
            continue
        parts, remainder = _parts_after(whole, marker.end(), figures, text)
        if parts is None:
            continue
        total = whole.quantity.value
        summed = sum(f.quantity.value for f in parts)
        related = tuple((f.quantity.start, f.quantity.end, "分项") for f in parts)
        values = {"total": whole.quantity.text, "parts": "＋".join(f.quantity.text for f in parts),
                  "sum": _amount(summed, whole.quantity)}
        if remainder is not None:
            if _differ(summed + remainder.quantity.value, total):
                values["remainder"] = remainder.quantity.text
                values["expected"] = _amount(total - summed, remainder.quantity)
                issues.append(Issue("remainder", remainder.quantity.start, remainder.quantity.end,
                                    values, ((whole.quantity.start, whole.quantity.end, "合计"), *related)))
        elif parts and summed > total and _differ(summed, total):
            first, last = parts[0].quantity, parts[-1].quantity
            issues.append(Issue("parts-exceed-total", first.start, last.end, values,
                                ((whole.quantity.start, whole.quantity.end, "合计"), *related)))
    return issues


def _whole_before(facts: Facts, index: int) -> Figure | None:
    """The whole a sentence opening with 其中 refers to: the previous sentence's last total,
    or its only count, when both sentences are in the same paragraph."""
    sentence = facts.sentences[index]
    if index == 0 or not _OPENS_WITH_PARTS.match(facts.text, sentence.start, sentence.end):
        return None
    previous = facts.sentences[index - 1]
    if previous.line is not sentence.line:
        return None
    counts = [f for f in facts.figures(index - 1) if _countable(f)]
    totals = [f for f in counts if f.role == ROLE_TOTAL]
    if totals:
        return totals[-1]
    return counts[0] if len(counts) == 1 else None


def _parts_after(whole: Figure, position: int, figures: list[Figure], text: str):
    """The parts listed after 其中: (parts, remainder), or (None, None) when unsure."""
    parts: list[Figure] = []
    remainder = None
    family = _family(whole.quantity.unit)
    whole_is_done = whole.role == ROLE_DONE or bool(DONE_WORDS.search(whole.prefix))
    previous_end = position
    for figure in figures:
        q = figure.quantity
        if q.start < position:
            continue
        gap = text[previous_end:q.start]
        if _CHAIN_BREAK.search(gap) or (parts and PART_MARKER.search(gap)):
            break  # a new clause, or a nested 其中
        if q.percent or figure.role in (ROLE_RATE, ROLE_TOTAL):
            break
        if _family(q.unit) != family:
            continue
        if figure.role == ROLE_CHANGE:
            previous_end = q.end  # 比上年增加20件: how the part changed, not another part
            continue
        if not q.exact_count:
            return None, None  # 其中300余人: the sum is unknown
        if figure.role == ROLE_REMAINDER:
            remainder = figure
            break
        if figure.role == ROLE_DONE and parts and not whole_is_done:
            break  # 已办结121件 after 其中有效件123件 is a different partition
        parts.append(figure)
        previous_end = q.end
    return parts, remainder


def _differ(a: float, b: float) -> bool:
    """Whether two amounts differ by more than float arithmetic does on its own."""
    return abs(a - b) > FLOAT_ERROR * max(1.0, abs(a), abs(b))


def _amount(value: float, like) -> str:
    """A computed amount written the way `like` is: 1.3亿元 next to 1.2亿元."""
    scale, factor = next(((w, f) for w, f in (("亿", 1e8), ("万", 1e4)) if w in like.text), ("", 1))
    shown = f"{value / factor:.2f}".rstrip("0").rstrip(".")
    return f"{shown}{scale}{like.unit}"


# --- a count and the titles listed with it --------------------------------------

def _check_listed(figures: list[Figure], text: str, start: int, end: int) -> list[Issue]:
    runs = _title_runs(text, start, end)
    if not runs:
        return []
    issues = []
    for figure in figures:
        q = figure.quantity
        if not _countable(figure) or q.unit not in _DOC_UNITS or q.chinese and q.value > 99:
            continue
        listed = _listed_after(q.end, runs, text, end) or _listed_before(figure, runs, text)
        if listed is None:
            continue
        (run_start, run_end, count), partial = listed
        stated = int(q.value)
        if count > stated or (count != stated and not partial):
            issues.append(Issue("listed-count", q.start, q.end,
                                {"found": q.text, "listed": count},
                                ((run_start, run_end, "所列名称"),)))
    return issues


def _title_runs(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """Runs of consecutive 《…》 titles: (start, end, how many)."""
    runs: list[list[int]] = []
    for match in BOOK_TITLE.finditer(text, start, end):
        if runs and _TITLE_GAP.fullmatch(text, runs[-1][1], match.start()):
            runs[-1][1] = match.end()
            runs[-1][2] += 1
        else:
            runs.append([match.start(), match.end(), 1])
    return [tuple(run) for run in runs]


def _listed_after(position: int, runs, text: str, end: int):
    lead = _list_patterns()[0].match(text, position, end)
    if lead is None:
        return None
    for run in runs:
        if run[0] == lead.end():
            partial = "包括" in lead.group("conn") or text.startswith("等", run[1])
            return run, partial
    return None


def _listed_before(figure: Figure, runs, text: str):
    q = figure.quantity
    if not _list_patterns()[1].match(text, q.end):
        return None
    for run in runs:
        tail = _BACKWARD_TAIL.fullmatch(text, run[1], q.start)
        if tail:
            return run, bool(tail.group("etc"))
    return None
