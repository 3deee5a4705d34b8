"""Kind `page-chrome`: web-page chrome left in a report.

Whole lines of chrome are typed with the outline (grammar/outline.lark and
grammar/page-chrome.txt, read by lintlaw/text/outline.py); a run of
them is one finding whose span covers the run. Chrome glued onto the start of a
report line (a reprint site's watermark) is found by the rule's `glued` patterns,
debris anywhere inside a report line (HTML tags, injected spam) by its `inline` ones.
"""

from __future__ import annotations

import functools
from typing import Iterator

import regex

from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind
from lintlaw.engine.kinds.pattern import budget_for
from lintlaw.reasons import regex_reason
from lintlaw.text.outline import CHROME

SAMPLE_CHARS = 20


class PageChrome(RuleKind):
    name = "page-chrome"
    options = {
        "glued": Option(list, default=[],
                        doc="粘在报告行首的网页残留（网站水印）的正则表达式；问题和修复只涉及匹配的文字"),
        "inline": Option(list, default=[],
                         doc="报告行内任意位置的网页残留（HTML 标签）的正则表达式；相邻行上的命中算一个问题，修复逐一删除"),
        "safe_lines": Option(str, doc="可以安全删除的整行（只有标记）的正则表达式：全由这类行组成的块给出安全修复"),
    }
    fields = frozenset({"lines", "sample"})
    fixes = Fixes(always=True, safe=False)

    @classmethod
    def fixes_for(cls, options):
        # Blocks made only of safe_lines are safe to delete; anything else needs a look.
        return Fixes(always=True, safe=None if options.get("safe_lines") is not None else False)

    @classmethod
    def validate(cls, options):
        compiled = []
        for text in options.get("glued") or []:
            if not isinstance(text, str):
                return "glued", "必须是字符串列表"
            try:
                _at_line_start(r"\n", text)  # the form most searches use, compiled once
            except regex.error:
                return "glued", f"正则表达式“{text}”有误：{_problem(text)}"
            compiled.append(text)
        options["glued"] = compiled
        inline = []
        for text in options.get("inline") or []:
            if not isinstance(text, str):
                return "inline", "必须是字符串列表"
            try:
                inline.append(regex.compile(text))
            except regex.error:
                return "inline", f"正则表达式“{text}”有误：{_problem(text)}"
        options["inline"] = inline
        if options.get("safe_lines") is not None:
            try:
                options["safe_lines"] = regex.compile(options["safe_lines"])
            except regex.error:
                return "safe_lines", f"正则表达式“{options['safe_lines']}”有误：{_problem(options['safe_lines'])}"
        return None

    def check(self, document: Document) -> Iterator[Issue]:
        yield from self._blocks(document)
        glued = list(self._glued(document)) if self.glued else []
        yield from glued
        if self.inline:
            # A watermark at a line's start is the glued finding's, not an inline one too.
            yield from self._inline(document, [(issue.start, issue.end) for issue in glued])

    def _blocks(self, document: Document) -> Iterator[Issue]:
        blocks: list[list] = []
        previous = None
        for line in document.lines:
            if line.type == CHROME:
                if previous is not None and previous.type == CHROME:
                    blocks[-1].append(line)
                else:
                    blocks.append([line])
            previous = line
        starts = document.source.line_starts
        text = document.source.text
        for block in blocks:
            first, last = block[0], block[-1]
            # Delete whole lines: from the first line's start to the start of the line after the last;
            # a piece of a flattened line (lintlaw/analysis/flattened.py) is deleted alone.
            begin = starts[first.lineno - 1]
            end = starts[last.lineno] if last.lineno < len(starts) else len(text)
            if text[begin:first.start].strip() or text[last.end:end].strip():
                begin, end = first.start, last.end
            # the page's line numbers (HTML input), as the finding's location gives them
            lines = _line_range(document.source.position(first.start)[0], document.source.position(last.start)[0])
            safe = self.safe_lines is not None and all(
                self.safe_lines.fullmatch(line.text) for line in block)
            yield Issue(self.name, first.start, last.end, {"lines": lines, "sample": _sample(first.text)},
                        fix=Fix((Edit(begin, end, ""),), safe=safe))

    def _glued(self, document: Document) -> Iterator[Issue]:
        text = document.source.text
        report_lines = {line.start: line for line in document.lines if line.type != CHROME}
        budget = budget_for(text, document.source.path)
        seen: set[int] = set()
        for pattern in self.glued:
            for match in self._line_start_matches(pattern, text, budget):
                line = report_lines.get(match.start())
                if (line is None or match.start() in seen or match.end() == match.start()
                        or match.end() > line.end):  # a finding never leaves its line
                    continue
                seen.add(match.start())
                yield Issue(self.name, match.start(), match.end(),
                            {"lines": f"第{document.source.position(line.start)[0]}行", "sample": match.group()},
                            fix=Fix((Edit(match.start(), match.end(), ""),), safe=False))

    def _line_start_matches(self, pattern: str, text: str, budget) -> list:
        """The matches of `pattern` at line starts: those of one search with LINE_START before it.

        That search is slow on large files (the regex module tries the lookbehind at every
        character: 170 ms on 5 MB). A search led by the line break itself finds the same
        matches in a twentieth of the time (the module jumps from break to break), and the
        text's first line is matched on its own. The two differ only when a match is empty or
        ends just after a line break (the slow search may then still try the next line's
        start); such a file is searched the slow way.
        """
        search = functools.partial(budget.search, text=text, end=len(text), rule_path=self.rule_path, shown=pattern)
        first = search(_at_line_start(r"\A", pattern), start=0)
        resume = first[0].end() if first else 0
        breaks = r"[\r\n]" if "\r" in text else r"\n"  # one character to look for is fastest
        matches = first + search(_at_line_start(breaks, pattern), start=resume)
        if any(match.end() == match.start() or text[match.end() - 1] in "\r\n" for match in matches):
            return search(_at_line_start(LINE_START, pattern), start=0)
        return matches

    def _inline(self, document: Document, taken: list[tuple[int, int]]) -> Iterator[Issue]:
        """One finding per pattern and run of consecutive report lines holding its matches.

        One search over the whole text per pattern; each match is placed on its line. A match
        overlapping one already reported (a glued one, an earlier pattern's) is not reported again.
        """
        from bisect import bisect_right, insort

        text = document.source.text
        lines = document.lines
        starts = [line.start for line in lines]
        budget = budget_for(text, document.source.path)
        reported = sorted(taken)  # spans that do not overlap one another, by start
        for pattern in self.inline:
            run: list[tuple[int, object]] = []  # (line number, match) of the current run
            last_index = None  # index in `lines` of the run's last line
            accepted = []
            for match in budget.search(pattern, text, 0, len(text), self.rule_path):
                index = bisect_right(starts, match.start()) - 1
                line = lines[index] if index >= 0 else None
                if (line is None or line.type == CHROME or match.end() == match.start()
                        or match.end() > line.end  # a finding never leaves its line
                        or _overlaps(reported, match.start(), match.end())):
                    continue
                if run and index not in (last_index, last_index + 1):
                    yield _inline_hit(run)
                    run = []
                run.append((document.source.position(line.start)[0], match))  # the page's line
                accepted.append(match.span())
                last_index = index
            if run:
                yield _inline_hit(run)
            for span in accepted:
                insort(reported, span)


# Where a glued pattern may match: at the text's start or after a line break (then after the indent).
LINE_START = r"(?<![^\r\n])"


@functools.cache
def _at_line_start(lead: str, pattern: str):
    """`pattern` after `lead` and a line's indent, the match starting after the indent."""
    return regex.compile(rf"{lead}[ \t\u00a0\u2002\u2003\u3000]*\K(?:{pattern})")


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping one another)."""
    from bisect import bisect_left

    index = bisect_left(spans, (end,))  # the spans that start before `end`: the last may overlap
    return index > 0 and spans[index - 1][1] > start


def _inline_hit(run) -> Issue:
    """The finding for one run: at its first match, quoting up to three of its forms."""
    first_line, first = run[0]
    forms = list(dict.fromkeys(match.group() for _, match in run))
    lines = _line_range(first_line, run[-1][0])
    if len(run) > 1:
        lines += f"，共{len(run)}处"
    sample = "”“".join(_sample(form) for form in forms[:3])  # the template quotes the whole
    fix = Fix(tuple(Edit(match.start(), match.end(), "") for _, match in run), safe=False)
    return Issue(PageChrome.name, first.start(), first.end(), {"lines": lines, "sample": sample}, fix=fix)


def _line_range(first: int, last: int) -> str:
    return f"第{first}行" if first == last else f"第{first}—{last}行"


def _problem(pattern: str) -> str:
    """What is wrong with a pattern, positions counted in the pattern as written."""
    try:
        regex.compile(pattern)
    except regex.error as err:
        return regex_reason(err)
    return "括号不成对"


def _sample(text: str) -> str:
    return text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS] + "…"
