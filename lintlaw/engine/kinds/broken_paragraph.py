"""Kind `broken-paragraph`: a paragraph the capture broke in the middle of a sentence (lintlaw/analysis/breaks.py)."""

from __future__ import annotations

from typing import Iterator

import regex

from lintlaw.analysis import breaks
from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind
from lintlaw.reasons import regex_reason

SHOWN = 6  # characters shown on each side of the break


class BrokenParagraph(RuleKind):
    name = "broken-paragraph"
    options = {
        "inside": Option(str, required=True, doc="句子不会以之结尾的标点：，、（《“"),
        "terminal": Option(str, required=True, doc="段落可以以之结尾的标点：。！？；："),
        "closers": Option(str, required=True, doc="后半个标点，段落可以以之结尾"),
        "bound": Option(str, required=True, doc="不会出现在句首的字"),
        "free": Option(list, default=[], doc="以上述字开头、却可以出现在句首的词"),
        "units": Option(str, default="", doc="不会与前面的数字断开的量词"),
        "whole": Option(str, default="", doc="单独成段的单字行（如“无”）"),
        "new_paragraph": Option(str, required=True, doc="正则表达式：新段落的开头"),
        "min_running": Option(int, default=15, doc="算作正文的最短行长（字数）"),
        "long_running": Option(int, default=30,
                               doc="达到此长度的行即使没有分句标点也算正文"),
        "dangling": Option(list, default=[], doc="句子不会以之结尾的词（从、按照、的……）：以之结尾的行与下一行是同一句话"),
        "link_length": Option(int, default=20, doc="单独成行的链接文字（名称）的最大字数"),
    }
    fields = frozenset({"before", "after"})
    fixes = Fixes(always=True, safe=False)  # whether two lines are one sentence is a judgement

    @classmethod
    def validate(cls, options):
        for name in ("free", "dangling"):
            if not all(isinstance(word, str) for word in options[name]):
                return name, "必须是字符串列表"
        try:
            pattern = regex.compile(options["new_paragraph"])
        except regex.error as err:
            return "new_paragraph", f"正则表达式有误：{regex_reason(err)}"
        options["words"] = breaks.BreakWords(
            options["inside"], options["terminal"], options["closers"], options["bound"],
            tuple(options["free"]), options["units"], options["whole"], pattern, options["min_running"],
            options["long_running"], tuple(options["dangling"]), options["link_length"])
        return None

    def check(self, document: Document) -> Iterator[Issue]:
        for found in breaks.find_breaks(document, self.words):
            # Joining the two lines (dropping the break, blank lines and the indent between) is
            # the fix; a person should look, as the judgement that they are one sentence may be wrong.
            join = Fix((Edit(found.cut, found.resume, ""),), safe=False)
            shown = {"before": found.before[-SHOWN:], "after": found.after[:SHOWN]}
            yield Issue(self.name, found.cut - 1, found.cut, shown, fix=join)
