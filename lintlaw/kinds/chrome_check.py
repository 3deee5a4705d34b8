"""Kind `page-chrome`: web-page chrome left in a report.

Whole lines of chrome are typed with the outline (grammar/outline.lark and
grammar/page-chrome.txt, read by lintlaw/outline.py); a run of
them is one finding whose span covers the run. Chrome glued onto the start of a
report line (a reprint site's watermark) is found by the rule's `glued` patterns.
"""

from __future__ import annotations

from typing import Iterator

import regex

from lintlaw.diagnostics import Edit, Fix
from lintlaw.document import Document
from lintlaw.kinds.base import Hit, Option, RuleKind
from lintlaw.kinds.pattern import RULE_BUDGET_SECONDS, _Budget
from lintlaw.outline import CHROME

SAMPLE_CHARS = 20


class PageChrome(RuleKind):
    name = "page-chrome"
    options = {
        "glued": Option(list, default=[],
                        doc="regular expressions for chrome glued onto the start of a report line "
                            "(a site's watermark); the finding and its fix cover just the match"),
    }
    fields = frozenset({"lines", "sample"})

    @classmethod
    def validate(cls, options):
        compiled = []
        for text in options.get("glued") or []:
            if not isinstance(text, str):
                return "glued", "必须是字符串列表"
            try:
                # At the start of a line (after its indent) only; one search over the file.
                compiled.append(regex.compile(rf"(?<![^\r\n])[ \t\u00a0\u2002\u2003\u3000]*\K(?:{text})"))
            except regex.error:
                return "glued", f"正则表达式“{text}”有误：{_problem(text)}"
        options["glued"] = compiled
        return None

    def check(self, document: Document) -> Iterator[Hit]:
        yield from self._blocks(document)
        if self.glued:
            yield from self._glued(document)

    def _blocks(self, document: Document) -> Iterator[Hit]:
        blocks: list[list] = []
        previous = None
        for line in document.lines:
            if line.kind == CHROME:
                if previous is not None and previous.kind == CHROME:
                    blocks[-1].append(line)
                else:
                    blocks.append([line])
            previous = line
        starts = document.source.line_starts
        text = document.source.text
        for block in blocks:
            first, last = block[0], block[-1]
            # Delete whole lines: from the first line's start to the start of the line after the last.
            begin = starts[first.lineno - 1]
            end = starts[last.lineno] if last.lineno < len(starts) else len(text)
            # the page's line numbers (HTML input), as the finding's location gives them
            first_no, last_no = document.source.position(first.start)[0], document.source.position(last.start)[0]
            lines = f"第{first_no}行" if first_no == last_no else f"第{first_no}—{last_no}行"
            yield Hit(first.start, last.end, {"lines": lines, "sample": _sample(first.text)},
                      fix=Fix((Edit(begin, end, ""),), safe=False))

    def _glued(self, document: Document) -> Iterator[Hit]:
        text = document.source.text
        report_lines = {line.start: line for line in document.lines if line.kind != CHROME}
        budget = _Budget(RULE_BUDGET_SECONDS, document.source.path)
        seen: set[int] = set()
        for pattern in self.glued:
            for match in budget.search(pattern, text, 0, len(text), self.rule_path):
                line = report_lines.get(match.start())
                if (line is None or match.start() in seen or match.end() == match.start()
                        or match.end() > line.end):  # a finding never leaves its line
                    continue
                seen.add(match.start())
                yield Hit(match.start(), match.end(),
                          {"lines": f"第{document.source.position(line.start)[0]}行", "sample": match.group()},
                          fix=Fix((Edit(match.start(), match.end(), ""),), safe=False))


def _problem(pattern: str) -> str:
    """What is wrong with a pattern, positions counted in the pattern as written."""
    try:
        regex.compile(pattern)
    except regex.error as err:
        return str(err)
    return "括号不成对"


def _sample(text: str) -> str:
    return text if len(text) <= SAMPLE_CHARS else text[:SAMPLE_CHARS] + "…"
