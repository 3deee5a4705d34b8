"""Kind `set-phrase`: set phrases and names with one word swapped (lintlaw/analysis/set_phrases.py)."""

from __future__ import annotations

from functools import cached_property
from typing import Iterator

from lintlaw.analysis.document import Document
from lintlaw.analysis.issue import Issue
from lintlaw.analysis.set_phrases import Variants, variants
from lintlaw.diagnostics import Edit, Fix
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind
from lintlaw.text.outline import CHROME, TOC


class SetPhrase(RuleKind):
    name = "set-phrase"
    options = {
        "phrases": Option(list, required=True, doc="固定提法或机关名称，词与词之间用一个空格隔开（如“全面 从严 治党”）"),
        "swaps": Option(dict, required=True,
                        doc="词 → 改写工具换上的近义词列表（如 全面 = [\"周全\"]）；提法中一个词被换掉即报告"),
    }
    fields = frozenset({"found", "expected", "word", "swapped"})
    fixes = Fixes(always=True, safe=False)  # the set phrase back in place; a person should look

    @classmethod
    def validate(cls, options):
        phrases = options["phrases"]
        if not all(isinstance(p, str) and len(p.split(" ")) >= 2 and all(p.split(" ")) for p in phrases):
            return "phrases", "每项应为用一个空格隔开的两个或更多的词，如“全面 从严 治党”"
        swaps = options["swaps"]
        for word, substitutes in swaps.items():
            if not (isinstance(substitutes, list) and substitutes
                    and all(isinstance(s, str) and s and s != word for s in substitutes)):
                return "swaps", f"“{word}”应对应一个非空的词语列表（不含它自己）"
        for phrase in phrases:
            if not any(word in swaps for word in phrase.split(" ")):
                return "phrases", f"“{phrase}”中没有一个词在 swaps 里，永远不会报告"
        return None

    @cached_property
    def _variants(self) -> Variants:
        return variants(self.phrases, self.swaps)

    def check(self, document: Document) -> Iterator[Issue]:
        text = document.source.text
        found = self._variants
        for line in document.lines:
            if line.type in (CHROME, TOC):
                continue
            for start, end, variant in found.find(text, line.start, line.end):
                fix = Fix((Edit(start, end, variant.phrase),), safe=False)
                yield Issue(self.name, start, end,
                            {"found": text[start:end], "expected": variant.phrase,
                             "word": variant.word, "swapped": variant.swapped}, fix=fix)
