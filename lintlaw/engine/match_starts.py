"""Where a pattern's matches can start, for the patterns the regex module searches slowly.

The regex module finds the next place a pattern may match quickly when the pattern opens
with a literal or a character class. A pattern that opens with alternatives of different
shapes (`(1[0-2]|[1-9])` in P012, the branch reset of P011) is tried at every character
instead: 50-200 ns each, the largest cost of all the pattern rules on a large file.

`match_starts` gives, for such a pattern, a one-character pattern that matches wherever one
of its matches can start: the characters its first consumed character can be, and what the
lookbehinds it opens with say of the character before (one character tested, as in
`(?<![0-9.])`, or the characters a lookbehind's text can end with, as in `(?<=[0-9]月[ \\t]*)`).
Trying the pattern only there, left to right and past each match found, gives exactly the
matches a search gives: a search tries every place in turn, and nothing can match where its
first character cannot be. The analysis reads the pattern with Python's own parser
(lintlaw/engine/required_chars.py) and keeps to what it can prove; anything else gives None,
and the pattern is searched as before.
"""

from __future__ import annotations

from lintlaw.engine.required_chars import MAX_CHARACTERS, char_class, parse, sre

# A lookbehind's class may be long (letters, digits and marks): it only narrows the places.
_LOOKBEHIND_CHARACTERS = 256
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = tuple(op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op)


def match_starts(pattern: str) -> str | None:
    """A pattern of one character (with a lookbehind) that matches where every match of
    `pattern` starts, when `pattern` opens with alternatives the regex module cannot scan for;
    None when it does not, or when the places cannot be proved."""
    parsed = parse(_without_branch_reset(pattern))
    if parsed is None:
        return None
    items = list(parsed)
    opening = 0  # the zero-width items it opens with, all tested where a match starts
    while opening < len(items) and items[opening][0] in _ZERO_WIDTH:
        opening += 1
    if opening == len(items) or not _opens_with_alternatives(items[opening]):
        return None
    first = _edge(items[opening:], reverse=False)
    if first is None or first[1]:  # unknown, or a match may be empty
        return None
    before, not_before = None, set()
    for op, value in items[:opening]:
        if op is sre.AT or value[0] != -1:
            continue  # an anchor or a lookahead: not used (the places found are then more, never fewer)
        if op is sre.ASSERT_NOT:
            chars = _one_character(value[1])
            if chars is not None:
                not_before |= chars
            continue
        last = _edge(list(value[1]), reverse=True)
        if last is not None and not last[1]:
            before = last[0] if before is None else before & last[0]
    shown = f"(?<![{_listed(not_before)}])" if not_before else ""
    shown += f"(?<=[{_listed(before)}])" if before is not None else ""
    return f"{shown}[{_listed(first[0])}]"


def _opens_with_alternatives(item) -> bool:
    """A group or a branch whose alternatives do not all open with a literal."""
    op, value = item
    while op is sre.SUBPATTERN and len(value[-1]) >= 1:
        op, value = value[-1][0]
    if op is not sre.BRANCH:
        return False
    return not all(len(alternative) and alternative[0][0] is sre.LITERAL for alternative in value[1])


def _edge(items, reverse: bool) -> tuple[frozenset[str], bool] | None:
    """(The characters a match of the sequence can start with, or end with when `reverse`;
    whether it can be empty), or None when that is not known."""
    chars: set[str] = set()
    for op, value in reversed(items) if reverse else items:
        found = _item(op, value, reverse)
        if found is None:
            return None
        chars |= found[0]
        if len(chars) > MAX_CHARACTERS:
            return None
        if not found[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _item(op, value, reverse: bool) -> tuple[frozenset[str], bool] | None:
    if op is sre.LITERAL:
        return frozenset(chr(value)), False
    if op is sre.IN:
        chars = char_class(value)
        return None if chars is None else (chars, False)
    if op in _ZERO_WIDTH:
        return frozenset(), True
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = value
        return None if add_flags & sre.SRE_FLAG_IGNORECASE else _edge(list(items), reverse)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _edge(list(value), reverse)
    if op is sre.BRANCH:
        chars, empty = set(), False
        for alternative in value[1]:
            found = _edge(list(alternative), reverse)
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
        return frozenset(chars), empty
    if op in _REPEATS:
        low, _high, items = value
        found = _edge(list(items), reverse)
        return None if found is None else (found[0], found[1] or low == 0)
    return None  # any character, a negated literal, a back-reference: not known


def _one_character(items) -> frozenset[str] | None:
    """The characters of a lookbehind that tests exactly one character from a set."""
    items = list(items)
    if len(items) != 1:
        return None
    op, value = items[0]
    if op is sre.LITERAL:
        return frozenset(chr(value))
    return char_class(value, limit=_LOOKBEHIND_CHARACTERS) if op is sre.IN else None


def _listed(chars) -> str:
    """Characters for a class (in both engines' syntax), each escaped, in a fixed order."""
    return "".join(f"\\U{ord(char):08x}" for char in sorted(chars))


def _without_branch_reset(pattern: str) -> str:
    """The pattern with each branch reset (?|…) read as a plain group (?:…): the same strings
    match, only the groups are numbered differently, which the analysis never looks at."""
    out, index, opened = [], 0, None  # opened: where the character class we are in opened
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index:index + 2])
            index += 2
            continue
        if opened is not None:
            # A ] first in the class (after [ or [^) is one of its characters.
            first = opened + (2 if pattern.startswith("[^", opened) else 1)
            if char == "]" and index > first:
                opened = None
        elif char == "[":
            opened = index
        elif pattern.startswith("(?|", index):
            out.append("(?:")
            index += 3
            continue
        out.append(char)
        index += 1
    return "".join(out)
