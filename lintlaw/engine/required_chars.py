"""Characters a pattern cannot match without, so that a text lacking them is not searched.

Most pattern rules look for marks a report seldom holds (“__”, “XX”, “锟斤拷”, zero-width
spaces), and the regex engine spends as long failing to find them as finding them: a
pass over the whole text. `in` on a string is many times faster than that pass, so a
pattern whose required characters are all absent is skipped.

The analysis reads the pattern with Python's own regular-expression parser and keeps
to what it can prove: a character class, literal or group that every match consumes at
least once. Anything else (lookarounds, negated classes, categories such as \\d,
case-insensitive parts, syntax only the regex module knows) gives no requirement, and
such a pattern is always searched. No requirement is ever guessed.
"""

from __future__ import annotations

import re
import warnings

try:  # Python 3.11 and newer
    from re import _constants as sre, _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre
    import sre_parse

MAX_CHARACTERS = 32  # a larger class (a range of ideographs) is no quick test
_NOT_A_COUNT = re.compile(r"\{(?![0-9]*,?[0-9]*\})")  # a brace that opens no {m,n}


def required_sets(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of characters of which every match holds at least one, each set; () when none can be shown."""
    parsed = parse(pattern)
    return () if parsed is None else tuple(_sequence(parsed))


def parse(pattern: str):
    """The pattern as Python's parser reads it, when it reads it as the regex module does and
    case matters; else None (no fact about such a pattern is claimed)."""
    if "[:" in pattern or _NOT_A_COUNT.search(pattern):
        return None  # a POSIX class or fuzzy matching ({e<=1}): the regex module reads these its own way
    try:
        # Python warns where it reads "[[" or "--" in a class differently from a later version
        # of itself: a pattern it is unsure of gives no requirement, and shows no warning.
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = sre_parse.parse(pattern)
    except (Exception, Warning):  # regex-module syntax (\p{Han}, \K, (?|…)): nothing known
        return None
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    return parsed


def lacks_required(text: str, sets: tuple[frozenset[str], ...]) -> bool:
    """Whether the text lacks every character of one of the sets (no match is possible)."""
    return any(not any(char in text for char in chars) for chars in sets)


def _sequence(items) -> list[frozenset[str]]:
    found = []
    for op, value in items:
        chars = _item(op, value)
        if chars is not None:
            found.extend(chars)
    return found


def _item(op, value) -> list[frozenset[str]] | None:
    """What one item of a sequence requires, or None."""
    if op is sre.LITERAL:
        return [frozenset(chr(value))]
    if op is sre.IN:
        chars = char_class(value)
        return [chars] if chars else None
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) or op is getattr(sre, "POSSESSIVE_REPEAT", None):
        low, _high, item = value
        return _sequence(item) if low >= 1 else None
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, item = value
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _sequence(item)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(value)
    if op is sre.BRANCH:
        # Each alternative must require something: the union of one set from each.
        union: set[str] = set()
        for alternative in value[1]:
            sets = _sequence(alternative)
            if not sets:
                return None
            union |= min(sets, key=len)
        return [frozenset(union)] if len(union) <= MAX_CHARACTERS else None
    return None  # lookarounds, anchors, back-references, anything not consumed for certain


def char_class(items, limit: int = MAX_CHARACTERS) -> frozenset[str] | None:
    """The characters of a character class, if it is a positive list of at most `limit`."""
    chars: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < limit:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return frozenset(chars) if len(chars) <= limit else None
