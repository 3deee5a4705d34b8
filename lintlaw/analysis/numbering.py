"""Numbering analysis of a report's outline, computed once per report.

Each problem is an Issue with a check name (the `check` a rule file selects),
the span it points at, and the values its message may show.
"""

from __future__ import annotations

import bisect

import re
from collections import defaultdict

from lintlaw.text.chars import CLAUSE_END
from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Report, Section
from lintlaw.analysis.issue import Issue
from lintlaw.text.numerals import chinese_to_int, int_to_chinese
from lintlaw.text.outline import Line, standard_marker

# Inline enumeration 一是…二是…: the numeral must open a clause. The pattern starts with the
# numeral and looks behind it from there: a scan for the numerals is five times faster than
# trying the line start or the lookbehind at every character.
_INLINE_ITEM = re.compile(
    r"([一二三四五六七八九十](?:(?<=^.)|(?<=[\s。；;，,：:！!？?）)」”\"、].))[一二三四五六七八九十]{0,2})"
    r"是(?!否|非|不是)")
# Where a heading's words end and its paragraph text begins.
_EMPTY_HEADING_MAX = 40
_SENTENCE_END = tuple(CLAUSE_END)
# From this many half-width markers ((一), (1)) in one report, one finding for them all
# (a report copied from a web page has them throughout), as P008 does for half-width marks.
HALF_WIDTH_MARKERS_AT_ONCE = 5
_FULL_WIDTH_BRACKETS = str.maketrans("()", "（）")


def analyse(report: Report, text: str, set_apart: frozenset[int] = frozenset()) -> list[Issue]:
    """`text`: the whole source text the report's lines point into; `set_apart`: the lines
    (0-based) the layout sets apart as titles, under which numbering may start again."""
    issues: list[Issue] = []
    sequences = list(_sequences(report.sections))
    continuous = _continuous_levels(sequences)
    tails: dict[int, Section] = {}  # per level, the last heading of the previous sequence
    for level, sequence in sequences:
        tail = tails.get(level) if level in continuous else None
        _check_sequence(level, sequence, tail, issues, sorted(set_apart))
        tails[level] = sequence[-1]
    sections = list(report.walk())  # document order
    for index, section in enumerate(sections):
        _section_checks(section, issues)
        following = sections[index + 1] if index + 1 < len(sections) else None
        if _empty(section) and not _empty_by_mistake(section, following, text):
            start, _ = _marker_span(section.heading)
            issues.append(Issue("empty-section", start, section.heading.end,
                                {"found": section.marker.raw, "title": section.title}))
    _inline_sequences(report, issues)
    _glued_headings(report, text, issues)
    return _half_width_markers_at_once(issues)


def _half_width_markers_at_once(issues: list[Issue]) -> list[Issue]:
    """Markers whose only fault is half-width brackets: one finding for all of them at
    the first when there are HALF_WIDTH_MARKERS_AT_ONCE or more, its fix converting all."""
    half = [issue for issue in issues if issue.check == "marker-punctuation"
            and issue.values["found"].translate(_FULL_WIDTH_BRACKETS) == issue.values["expected"]]
    if len(half) < HALF_WIDTH_MARKERS_AT_ONCE:
        return issues
    half.sort(key=lambda issue: issue.start)
    first = half[0]
    edits = tuple(edit for issue in half for edit in issue.fix.edits)
    values = {**first.values, "together": f"（全文 {len(half)} 处标题编号用了半角括号，修复一并改为全角）"}
    # The other markers are related spans: shown with the finding, and what lets its fix
    # rewrite them (a fix may touch only the markers its finding is about).
    related = tuple((issue.start, issue.end, "半角括号编号") for issue in half[1:])
    together = first._replace(values=values, related=related, fix=Fix(edits, safe=True))
    dropped = {id(issue) for issue in half}
    return [together if issue is first else issue for issue in issues
            if issue is first or id(issue) not in dropped]


def _marker_span(line: Line) -> tuple[int, int]:
    return line.marker.start, line.marker.end


def _sequences(siblings: list[Section]):
    """Every run of same-level siblings, (level, sections), in document order."""
    by_level: dict[int, list[Section]] = defaultdict(list)
    for section in siblings:
        by_level[section.level].append(section)
    yield from by_level.items()
    for section in siblings:
        yield from _sequences(section.children)


def _continuous_levels(sequences) -> set[int]:
    """Levels this report numbers continuously across parents (1. 2. under （一）, 3. 4. under （二）).

    That is a house style, not a late start. A level counts as continuous when more of its
    later runs pick up where the previous run stopped than restart at 1 within the same part
    (a new part may restart either way, so those restarts are no evidence).
    """
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])  # level → [continues, restarts]
    tails: dict[int, Section] = {}
    for level, sequence in sequences:
        first = sequence[0].marker.number
        tail = tails.get(level)
        if tail is not None and first is not None:
            if first == 1:
                counts[level][1] += _part(tail) is _part(sequence[0])
            elif tail.marker.number is not None and first == tail.marker.number + 1:
                counts[level][0] += 1
        tails[level] = sequence[-1]
    return {level for level, (continues, restarts) in counts.items() if continues > restarts}


def _part(section: Section) -> Section | None:
    """The section two levels up: runs under one part share it."""
    parent = section.parent
    return parent.parent if parent is not None else None


def _check_sequence(level: int, sequence: list[Section], tail: Section | None,
                    issues: list[Issue], titles: list[int] = ()) -> None:
    """One run of siblings. `tail`, in a continuously numbered level, is where the previous run
    stopped: this run may start there (3. after 2.) or at 1, and anything else is judged
    against it as if the two runs were one."""
    previous: int | None = None
    previous_raw = ""
    first = sequence[0].marker.number
    if tail is not None and tail.marker.number is not None and first not in (None, 1):
        previous, previous_raw = tail.marker.number, tail.marker.raw
    lost = 0  # headings lost entirely since `previous` (seen as restarts below it)
    previous_line = tail.heading.lineno - 1 if previous is not None else -1
    for section in sequence:
        marker = section.marker
        start, end = _marker_span(section.heading)
        number = marker.number
        if number is None:  # damaged: assume it held the next number
            expected = 1 if previous is None else previous + 1 + lost
            issues.append(Issue("damaged-marker", start, end,
                                {"found": marker.raw, "expected": standard_marker(level, expected)}))
            previous, previous_raw = expected, standard_marker(level, expected)
            previous_line = section.heading.lineno - 1
            lost = _restarts(section)
            continue
        values = {"found": marker.raw, "previous": previous_raw}
        if previous is None:
            if number != 1:
                values["expected"] = standard_marker(level, 1)
                issues.append(Issue("late-start", start, end, values))
        elif number == previous + 1:
            pass
        elif number == previous:
            issues.append(Issue("duplicate", start, end, values))
        elif number == 1:
            if not _title_between(titles, previous_line, section.heading.lineno - 1):
                issues.append(Issue("orphan-restart", start, end, values))
        elif number > previous:
            missing = "".join(f"“{standard_marker(level, n)}”" for n in range(previous + 1, number))
            values["missing"] = missing
            issues.append(Issue("gap", start, end, values))
        else:
            issues.append(Issue("backwards", start, end, values))
        previous, previous_raw = number, marker.raw
        previous_line = section.heading.lineno - 1
        lost = _restarts(section)


def _title_between(titles: list[int], after: int, before: int) -> bool:
    """Whether a line set apart as a title stands between two lines (0-based): a new part of
    the document, with a title of its own, begins its numbering again."""
    at = bisect.bisect_right(titles, after)
    return at < len(titles) and titles[at] < before


def _restarts(section: Section) -> int:
    """Child sequences that restart at 1: each stands for a lost sibling heading."""
    count = 0
    seen: set[int] = set()
    for child in section.children:
        if child.marker.number == 1 and child.level in seen:
            count += 1
        seen.add(child.level)
    return count


def _section_checks(section: Section, issues: list[Issue]) -> None:
    marker = section.marker
    start, end = _marker_span(section.heading)
    if marker.number is not None and not marker.punctuation_ok:
        # The marker is the finding, so its fix may rewrite it: 1、 → 1.
        issues.append(Issue("marker-punctuation", start, end,
                            {"found": marker.raw, "expected": marker.standard, "together": ""},
                            fix=Fix((Edit(start, end, marker.standard),), safe=True)))
    parent = section.parent
    if parent is not None and section.level - parent.level > 1:
        siblings = [s for s in parent.children if s.level == section.level]
        if siblings[0] is section:
            issues.append(Issue("level-skip", start, end,
                                {"found": marker.raw, "parent": parent.marker.raw}))


def _empty(section: Section) -> bool:
    return not section.children and not section.paragraphs and _heading_only(section.heading)


def _empty_by_mistake(section: Section, following: Section | None, text: str) -> bool:
    """An empty-looking section that is some other finding, or none.

    The next heading repeats its marker at its level ("一、主要措施" then "一、强化领导"): that is
    a misnumbered first subsection, which S102 reports; the content is there. Or the heading is
    the last line of a text cut off mid-sentence: its content was cut off with it.
    """
    from lintlaw.analysis.punctuation import cut_off

    if (following is not None and following.level == section.level
            and following.marker.number is not None
            and following.marker.number == section.marker.number):
        return True
    return following is None and cut_off(text, section.heading)


def _heading_only(line: Line) -> bool:
    """True when a heading line is bare words: no sentence, so nothing was said under it.

    "（一）执法力量仍然薄弱。" ends like a sentence and says its point; it is not empty.
    """
    body = line.body.rstrip()
    return (len(body) <= _EMPTY_HEADING_MAX and not body.endswith(_SENTENCE_END)
            and not any(stop in body for stop in "。；;"))


def _inline_sequences(report: Report, issues: list[Issue]) -> None:
    """一是/二是 sequences, tracked per section (a heading resets them)."""
    blocks: list[list[Line]] = [report.intro]
    for section in report.walk():
        blocks.append([section.heading, *section.paragraphs])
    for lines in blocks:
        items = []
        for line in lines:
            # The text after a heading marker is searched on its own, so that 一是
            # right after “1.” or “①” opens a clause like 一是 at the start of a line.
            if "是" not in line.text:
                continue  # most lines: no need to scan for a numeral
            offset = line.marker.end - line.start if line.marker else 0
            for match in _INLINE_ITEM.finditer(line.text[offset:]):
                value = chinese_to_int(match.group(1))
                if value is not None:
                    start = line.start + offset
                    items.append((value, start + match.start(), start + match.end()))
        _check_inline(items, issues)


def _check_inline(items: list[tuple[int, int, int]], issues: list[Issue]) -> None:
    previous = None
    for index, (value, start, end) in enumerate(items):
        found = int_to_chinese(value) + "是"
        values = {"found": found, "previous": int_to_chinese(previous) + "是" if previous else ""}
        if previous is None:
            if value != 1 and index + 1 < len(items):
                values["detail"] = f"从“{found}”开始，缺少“一是”"
                issues.append(Issue("inline-sequence", start, end, values))
        elif value == previous:
            values["detail"] = f"“{found}”重复"
            issues.append(Issue("inline-sequence", start, end, values))
        elif value > previous + 1:
            missing = "、".join(int_to_chinese(n) + "是" for n in range(previous + 1, value))
            values["detail"] = f"“{values['previous']}”之后是“{found}”，缺少“{missing}”"
            issues.append(Issue("inline-sequence", start, end, values))
        elif value < previous and value != 1:
            values["detail"] = f"“{values['previous']}”之后倒退为“{found}”"
            issues.append(Issue("inline-sequence", start, end, values))
        previous = value


# A heading glued onto the end of the paragraph before it: "…1039条。（二）依申请公开情况".
_GLUED_FORMS = {
    1: "{n}[、.．]",
    2: "[（(]{n}[）)]",
    3: "{n}[.．、](?![0-9０-９])",
}
_GLUED_WORDS = re.compile(r"[^。，；,;：:\r\n]{2,20}")


def _glued_headings(report: Report, text: str, issues: list[Issue]) -> None:
    """The next heading of a sequence written into the last paragraph of the one before, after its
    full stop: the sequence then skips it ((一) then (三)), or ends before it."""
    for level, sequence in _sequences(report.sections):
        if level not in _GLUED_FORMS:
            continue
        for index, section in enumerate(sequence):
            number = section.marker.number
            if number is None:
                continue
            following = sequence[index + 1] if index + 1 < len(sequence) else None
            if following is not None and following.marker.number == number + 1:
                continue
            shown = int_to_chinese(number + 1) if level <= 2 else str(number + 1)
            glued = re.compile("[。；;][ \u3000]*(" + _GLUED_FORMS[level].format(n=shown) + ")")
            for line in _section_lines(section):
                match = glued.search(text, line.start, line.end)
                words = match and _GLUED_WORDS.match(text, match.end(1), line.end)
                if words and any("\u4e00" <= char <= "\u9fff" for char in words.group()[:2]):
                    start = match.start(1)
                    issues.append(Issue("glued-heading", start, match.end(1),
                                        {"found": text[start:words.end()].strip(),
                                         "expected": standard_marker(level, number + 1)},
                                        fix=Fix((Edit(start, start, "\n"),), safe=False)))
                    break


def _section_lines(section: Section):
    """The heading line and every line under it, its subsections' too, in order."""
    for part in section.walk():
        yield part.heading
        yield from part.paragraphs
