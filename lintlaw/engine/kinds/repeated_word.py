"""Kind `repeated-word`: a word of two to four characters typed twice (学校学校).

A fixed pattern with a back-reference, run with the standard re module (several
times faster than the regex module on back-references); the words that double
on purpose (研究研究) are data in the rule file.
"""

from __future__ import annotations

import re
from typing import Iterator

from lintlaw.text.chars import HAN
from lintlaw.diagnostics import Edit, Fix
from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind

_DOUBLED = re.compile(rf"([{HAN}]{{2,4}})\1")


class RepeatedWord(RuleKind):
    name = "repeated-word"
    options = {
        "exceptions": Option(list, default=[], doc="叠用正确的词（如“研究研究”中的“研究”）"),
    }
    fields = frozenset({"match", "word"})
    fixes = Fixes(always=True, safe=False)  # a doubled word may be meant

    def check(self, document: Document) -> Iterator[Issue]:
        allowed = set(self.exceptions)
        text = document.source.text
        for line in document.prose_lines():
            for match in _DOUBLED.finditer(text, line.start, line.end):
                word = match.group(1)
                if word in allowed:
                    continue
                # Delete the second copy; a person should confirm (unsafe).
                fix = Fix((Edit(match.start(1) + len(word), match.end(), ""),), safe=False)
                yield Issue(self.name, match.start(), match.end(), {"match": match.group(), "word": word},
                            fix=fix)
