"""Kind `pattern`: regular expressions over a part of each report.

Patterns come from rule files, which may be user-written, so every search
runs under the regex module's timeout, and a rule's searches in one file share
one time budget: a pattern that backtracks a little on each of many lines
cannot add up to minutes.
"""

from __future__ import annotations

import bisect
import re
import time
from functools import cache
from typing import Iterator

import regex

from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Document
from lintlaw.errors import RuleFileError
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind
from lintlaw.engine.kinds.pattern_engine import PATTERN_ENGINE
from lintlaw.engine.match_starts import match_starts
from lintlaw.engine.required_chars import lacks_required, required_sets
from lintlaw.io.schema import Choice, Flag, Items, Record, Regex, Text, Whole
from lintlaw.text.outline import CHROME, DAMAGED, HEADING
from lintlaw.engine.shown import quoted

SCOPES = ("text", "title", "heading", "signature", "date")
# Total time one rule's searches may take in one file: a base, plus time in proportion
# to the text, so that no sound rule (built-in ones included) trips on a large file under
# load. 3 s per million characters is about 1 s per MB of UTF-8 Chinese text: a rule
# slower than that is pathological. A backtracking rule on a small file still stops in ~2 s.
RULE_BUDGET_SECONDS = 2.0
BUDGET_SECONDS_PER_MILLION_CHARACTERS = 3.0
_FIX = "应为 { replace = \"替换文本\", safe = true/false }"


class Pattern(RuleKind):
    name = "pattern"
    options = {
        "patterns": Option(list, required=True, doc="正则表达式（regex 模块语法）",
                           check=Items(Regex(PATTERN_ENGINE, "必须是字符串列表",
                                             problem=lambda text, reason: f"正则表达式“{text}”有误：{reason}"))),
        "scope": Option(list, default=["text"],
                        doc="查找范围：text（除网页残留外的各行）、title、heading、signature、date（成文日期行）",
                        check=Items(Choice(SCOPES, f"只能取 {', '.join(SCOPES)}"))),
        "fix": Option(dict, doc="replace = 替换匹配文字的模板（\\1、\\g<name> 指分组）；"
                                "safe = true 表示修复从不改变原意",
                      check=Record({"replace": Text(_FIX), "safe": Flag("safe 只能是 true 或 false")}, _FIX,
                                   required=("replace",), missing=lambda key: _FIX,
                                   unknown=lambda names, known: _FIX)),
        "since_year": Option(int, doc="只查此年度及以后的报告（已过时的提法）"),
        "tables": Option(bool, default=True,
                         doc="也查统计表格中的各格（false：表格不是行文，如以空格分隔各格的表格中的空格）"),
        "fold": Option(int, doc="一个文件中达到此数时只在第一处报告一次，消息中的 {together} 给出总数，"
                                "修复一并改完（如整篇转载都有的多余空格）", unset="逐处报告",
                       check=Whole().where(lambda fold: fold >= 2, "至少为 2")),
    }
    # {quoted}: the match in quotation marks, or its code points when it cannot be seen
    fields = frozenset({"match", "quoted"})

    @classmethod
    def message_fields(cls, options):
        # {fixed}: the text the fix puts in place of {match}; only a rule with a fix has one.
        # {together}: how many there are in the file, when a folding rule reports them at once.
        fields = cls.fields | {"fixed"} if options.get("fix") else cls.fields
        return fields | {"together"} if options.get("fold") else fields

    @classmethod
    def fixes_for(cls, options):
        fix = options.get("fix")
        return Fixes(always=True, safe=fix.get("safe", False)) if fix else None

    @classmethod
    def validate(cls, options):
        fix = options.get("fix")
        for pattern in options["patterns"] if fix is not None else ():  # every group the template names must exist
            problem = _template_problem(pattern, fix["replace"])
            if problem:
                return "fix", f"替换模板“{fix['replace']}”有误：{problem}"
        return None

    def check(self, document: Document) -> Iterator[Issue]:
        if not self.fold:
            yield from self._matches(document)
            return
        issues = list(self._matches(document))
        if len(issues) < self.fold:
            yield from (issue._replace(values={**issue.values, "together": ""}) for issue in issues)
            return
        yield _folded(issues, self.fix is not None)

    def _matches(self, document: Document) -> Iterator[Issue]:
        text = document.source.text
        patterns = [pattern for pattern in self.patterns
                    if not lacks_required(text, _required(pattern.pattern))]
        if not patterns:
            return
        budget = budget_for(text, document.source.path)
        places = [_places(document, pattern) for pattern in patterns]
        for start, end in self._regions(document):
            for pattern, at in zip(patterns, places):
                matches = (budget.search(pattern, text, start, end, self.rule_path) if at is None
                           else budget.search_at(pattern, text, at, start, end, self.rule_path))
                for match in matches:
                    found = match.group()
                    # Regions span several lines; a finding never does.
                    if found and "\n" not in found and "\r" not in found:
                        fix = self._fix(match)
                        values = {"match": found, "fixed": fix.edits[0].content if fix else "",
                                  "quoted": quoted(found)}
                        yield Issue(self.name, match.start(), match.end(), values, fix=fix)

    def _fix(self, match) -> Fix | None:
        if not self.fix:
            return None
        content = match.expand(self.fix["replace"])
        return Fix((Edit(match.start(), match.end(), content),), self.fix.get("safe", False))

    def _regions(self, document: Document):
        """Spans of text to search.

        For the text scope, each span is a run of lines between page-chrome
        lines: one regex call per run instead of per line keeps large files fast.
        """
        # The runs are the same for every pattern rule (two sets: with and without the
        # lines of tables): found once per document.
        skip = document.in_table if not self.tables and document.table_lines else None
        runs = document.fact(
            "pattern-text-runs" if skip is None else "pattern-text-runs-without-tables",
            lambda: [list(_runs_between_chrome(report.lines, skip)) for report in document.reports])
        for report, report_runs in zip(document.reports, runs, strict=True):
            if self.since_year and (report.year is None or report.year < self.since_year):
                continue
            for scope in self.scope:
                if scope == "text":
                    yield from report_runs
                    continue
                if scope == "title":
                    lines = [report.title] if report.title else []
                elif scope == "heading":
                    lines = [line for line in report.lines if line.type in (HEADING, DAMAGED)]
                elif scope == "signature":
                    lines = [report.signature] if report.signature else []
                else:
                    lines = [report.date] if report.date else []
                for line in lines:
                    yield line.start, line.end


def _folded(issues: list[Issue], fixed: bool) -> Issue:
    """Every match of a file as one finding at the first: the others are its related spans, and
    its fix makes all their edits."""
    issues = sorted({(issue.start, issue.end): issue for issue in issues}.values(), key=lambda issue: issue.start)
    first = issues[0]
    together = f"（全文共 {len(issues)} 处，只在第一处报告{'，修复一并改正' if fixed else ''}）"
    related = tuple((issue.start, issue.end, "同类") for issue in issues[1:])
    fix = None
    if fixed:
        fix = Fix(tuple(edit for issue in issues for edit in issue.fix.edits), first.fix.safe)
    return first._replace(values={**first.values, "together": together}, related=related, fix=fix)


# Worked out once per pattern, when a text is first searched with it (not at start-up).
_required = cache(required_sets)
_starts = cache(match_starts)


def _places(document: Document, pattern) -> list[int] | None:
    """Where in the text matches of the pattern can start, when the regex module would try it
    at every character (lintlaw/engine/match_starts.py); None for a pattern it scans for quickly.
    One pass over the text for each such set of places, shared by the rules that need it."""
    starts = _starts(pattern.pattern)
    if starts is None:
        return None
    text = document.source.text
    return document.fact(f"match-starts {starts}",
                         lambda: [found.start() for found in _scanner(starts).finditer(text)])


@cache
def _scanner(starts: str):
    return regex.compile(starts)

_GROUP_REF = regex.compile(r"\\(?:g<(\w+)>|([0-9]+))")


def _template_problem(pattern, template: str) -> str | None:
    """A group reference in a fix template that the pattern does not have."""
    for name, number in _GROUP_REF.findall(template):
        ref = number or name
        if ref.isdigit() and int(ref) > pattern.groups:
            return f"正则表达式“{pattern.pattern}”没有第 {ref} 组"
        if not ref.isdigit() and ref not in pattern.groupindex:
            return f"正则表达式“{pattern.pattern}”没有名为 {ref} 的组"
    return None


def _runs_between_chrome(lines, skip=None) -> Iterator[tuple[int, int]]:
    """Runs of lines between page-chrome lines (and lines `skip` says to leave out)."""
    start = end = None
    for line in lines:
        if line.type == CHROME or (skip is not None and skip(line)):
            if start is not None:
                yield start, end
            start = None
        else:
            start = line.start if start is None else start
            end = line.end
    if start is not None:
        yield start, end


def budget_for(text: str, file: str) -> "_Budget":
    """One rule's time budget for searching `text` (the file's whole text)."""
    per_character = BUDGET_SECONDS_PER_MILLION_CHARACTERS / 1_000_000
    return _Budget(RULE_BUDGET_SECONDS + per_character * len(text), file)


def _timeout(pattern, seconds: float) -> dict:
    """The timeout argument of a search: the regex module's; a pattern `re` compiled runs in
    linear time (lintlaw/engine/kinds/pattern_engine.py) and takes none."""
    return {} if isinstance(pattern, re.Pattern) else {"timeout": seconds}


class _Budget:
    """The time left for one rule in one file; each search may use what is left."""

    def __init__(self, seconds: float, file: str):
        self.seconds = seconds
        self.left = seconds
        self.file = file

    def search(self, pattern, text: str, start: int, end: int, rule_path: str, shown: str | None = None) -> list:
        """The matches in text[start:end]; `shown` is the pattern as its rule file writes it,
        when the one searched with is built from it."""
        return self._timed(pattern, rule_path, shown,
                           lambda left: list(pattern.finditer(text, start, end, **_timeout(pattern, left))))

    def search_at(self, pattern, text: str, places: list[int], start: int, end: int, rule_path: str) -> list:
        """The matches in text[start:end], the pattern tried only at `places` (the sorted offsets
        where its matches can start): left to right, and past each match, as a search goes."""
        def matches(left: float) -> list:
            deadline = time.perf_counter() + left
            found, after = [], start
            for index in range(bisect.bisect_left(places, start), len(places)):
                at = places[index]
                if at >= end:
                    break
                if at < after:
                    continue
                match = pattern.match(text, at, end, **_timeout(pattern, max(deadline - time.perf_counter(), 0.0)))
                if match:
                    found.append(match)
                    after = match.end()
            return found
        return self._timed(pattern, rule_path, None, matches)

    def _timed(self, pattern, rule_path: str, shown: str | None, run) -> list:
        """run(seconds left), counted against the budget; out of time is a RuleFileError."""
        began = time.perf_counter()
        try:
            if self.left <= 0:
                raise TimeoutError
            return run(self.left)
        except TimeoutError:
            raise RuleFileError(f"{rule_path}: 正则表达式“{shown or pattern.pattern}”在 {self.file} 中运行超时"
                                f"（每条规则每个文件最多 {round(self.seconds, 1):g} 秒），请简化") from None
        finally:
            self.left -= time.perf_counter() - began
