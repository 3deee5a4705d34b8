"""Character classes the checks share."""

from __future__ import annotations

import re

# The CJK unified ideographs of the basic block, where report text lives: for regex classes.
HAN = "\u4e00-\u9fff"
# Marks that end a sentence.
SENTENCE_END = "。！？!?"
# Marks running text may stop on at the end of a line: a sentence's end, a semicolon, an ellipsis.
CLAUSE_END = SENTENCE_END + "；;…"
# Any sentence or clause punctuation: a line with none is a title, a signature, a label.
SENTENCE_PUNCT = re.compile(r"[。，,；;：:！!？?、]")


def is_han(char: str) -> bool:
    """A CJK unified ideograph (the basic block, where report text lives)."""
    return bool(char) and HAN[0] <= char <= HAN[-1]
