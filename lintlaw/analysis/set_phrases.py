"""Set phrases with one word swapped for a near-synonym, as rewording ("洗稿") tools leave them.

A rule lists the phrases, split into words (全面 从严 治党), and for a word the substitutes such
tools put in its place (全面 → 周全). Every phrase with one of its words so replaced is a variant
(周全从严治党); the text is searched for the variants, longest first, in one pass. Marks at either
end of a phrase (“ 两个 维护 ”) must be there but are not part of what is reported.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from lintlaw.text.chars import is_han


class Variant(NamedTuple):
    phrase: str  # the set phrase as it should read, without the marks at its ends
    word: str  # its word that was replaced
    swapped: str  # what stands in its place
    lead: int = 0  # characters of marks before the phrase
    trail: int = 0  # and after it


class Variants(NamedTuple):
    by_text: dict[str, Variant]
    pattern: re.Pattern | None  # None: no variant at all

    def find(self, text: str, start: int, end: int) -> Iterator[tuple[int, int, Variant]]:
        """(start, end, variant) of each variant in text[start:end], marks at its ends left out."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text, start, end):
            variant = self.by_text[match.group()]
            yield match.start() + variant.lead, match.end() - variant.trail, variant


def variants(phrases: list[str], swaps: dict[str, list[str]]) -> Variants:
    """Each phrase (words joined by spaces) with one word replaced by one of its substitutes."""
    whole = {phrase.replace(" ", "") for phrase in phrases}
    found: dict[str, Variant] = {}
    for phrase in phrases:
        words = phrase.split(" ")
        lead = sum(len(w) for w in _marks(words))
        trail = sum(len(w) for w in _marks(words[::-1]))
        inner = "".join(words)[lead:len("".join(words)) - trail]
        for index, word in enumerate(words):
            for swapped in swaps.get(word, ()):
                text = "".join(words[:index] + [swapped] + words[index + 1:])
                if text not in whole:  # a swap that gives another set phrase is no variant
                    found.setdefault(text, Variant(inner, word, swapped, lead, trail))
    if not found:
        return Variants({}, None)
    # Longest first: 法治当局建设 is one variant of 法治政府建设, not also one of 法治政府.
    alternatives = sorted(found, key=lambda text: (-len(text), text))
    return Variants(found, re.compile("|".join(map(re.escape, alternatives))))


def _marks(words: list[str]) -> list[str]:
    """The words at the start of `words` that hold no Chinese character (quotation marks)."""
    marks = []
    for word in words:
        if any(is_han(char) for char in word):
            break
        marks.append(word)
    return marks
