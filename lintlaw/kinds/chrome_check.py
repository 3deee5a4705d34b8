"""Kind `page-chrome`: blocks of web-page chrome the grammar typed (breadcrumbs, metadata, share bars)."""

from __future__ import annotations

from typing import Iterator

from lintlaw.diagnostics import Edit, Fix
from lintlaw.document import Document
from lintlaw.kinds.base import Hit, RuleKind
from lintlaw.outline import CHROME

SAMPLE_CHARS = 20


class PageChrome(RuleKind):
    name = "page-chrome"
    options = {}
    fields = frozenset({"lines", "sample"})

    def check(self, document: Document) -> Iterator[Hit]:
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
            sample = first.text if len(first.text) <= SAMPLE_CHARS else first.text[:SAMPLE_CHARS] + "…"
            lines = (f"第{first.lineno}行" if first is last
                     else f"第{first.lineno}—{last.lineno}行")
            yield Hit(first.start, first.end, {"lines": lines, "sample": sample},
                      fix=Fix((Edit(begin, end, ""),), safe=False))
