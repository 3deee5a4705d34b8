"""Kind `broken-paragraph`: a paragraph the capture broke in the middle of a sentence (lintlaw/breaks.py)."""

from __future__ import annotations

from typing import Iterator

import regex

from lintlaw import breaks
from lintlaw.diagnostics import Edit, Fix
from lintlaw.document import Document
from lintlaw.kinds.base import Hit, Option, RuleKind

SHOWN = 6  # characters shown on each side of the break


class BrokenParagraph(RuleKind):
    name = "broken-paragraph"
    options = {
        "inside": Option(str, required=True, doc="marks a sentence never ends on: ，、（《“"),
        "terminal": Option(str, required=True, doc="marks a paragraph may end on: 。！？；："),
        "closers": Option(str, required=True, doc="closing marks; a paragraph may end on them"),
        "bound": Option(str, required=True, doc="characters that never start a sentence"),
        "free": Option(list, default=[], doc="words starting with a bound character that may start one"),
        "units": Option(str, default="", doc="measure words a number is never split from"),
        "whole": Option(str, default="", doc="one-character lines that are a whole paragraph (无)"),
        "new_paragraph": Option(str, required=True, doc="regular expression: how a new paragraph starts"),
        "min_running": Option(int, default=15, doc="shortest line counted as running text"),
        "long_running": Option(int, default=30,
                               doc="a line this long is running text even without a clause mark"),
    }
    fields = frozenset({"before", "after"})

    @classmethod
    def validate(cls, options):
        if not all(isinstance(word, str) for word in options["free"]):
            return "free", "必须是字符串列表"
        try:
            pattern = regex.compile(options["new_paragraph"])
        except regex.error as err:
            return "new_paragraph", f"正则表达式有误：{err}"
        options["words"] = breaks.BreakWords(
            options["inside"], options["terminal"], options["closers"], options["bound"],
            tuple(options["free"]), options["units"], options["whole"], pattern, options["min_running"],
            options["long_running"])
        return None

    def check(self, document: Document) -> Iterator[Hit]:
        for found in breaks.find_breaks(document, self.words):
            # Joining the two lines (dropping the break, blank lines and the indent between) is
            # the fix; a person should look, as the judgement that they are one sentence may be wrong.
            join = Fix((Edit(found.cut, found.resume, ""),), safe=False)
            shown = {"before": found.before[-SHOWN:], "after": found.after[:SHOWN]}
            yield Hit(found.cut - 1, found.cut, shown, fix=join)
