"""Which engine compiles a rule file's pattern: Python's `re` or the `regex` module.

Rule files are written in the regex module's syntax, and the regex module runs every search
under a timeout (lintlaw/engine/kinds/pattern.py), which stops a pattern that backtracks on
hostile input. `re` compiles faster and finds a plain string faster, but it has no timeout.
So `re` is chosen for a pattern only when all of these hold, as Python's own parser reads it:

- it means the same in both engines: no syntax only the regex module knows (\\p{Han}, a
  branch reset, a variable-width lookbehind), nothing `re` warns about, no class such as
  \\w or \\s and no word boundary (the engines' Unicode tables differ), no flag;
- it opens with a literal character (or alternatives that each do), so that `re` scans for it;
- the ways one place can be tried are few (MAX_TRIES): repeats only with a bound and only
  of what matches one way (no alternatives or repeats inside), and the alternatives and repeats multiplied out stay under the limit. A search
  is then linear in the text and needs no timeout.

Measured (docs/performance.md): `re` is slower than the regex module on patterns that open
with a lookbehind, a repeat or a class of Chinese characters, so "`re` wherever it compiles"
would have made the pattern rules slower, besides giving up the timeout.
"""

from __future__ import annotations

import re
import warnings

import regex

from lintlaw.engine.required_chars import parse, sre

_REPEATS = tuple(op for op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)) if op)
_ONE_CHARACTER = (sre.LITERAL, sre.NOT_LITERAL, sre.ANY)
MAX_TRIES = 64  # the ways one place may be tried: 截止(?=目前|…|[一二…十〇]{1,4}[年月]) has 14


def compile_pattern(text: str):
    """The compiled pattern: by `re` where that is as safe and means the same, else by regex
    (whose errors, regex.error, the caller reports)."""
    if plain(text):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                return re.compile(text)
        except (re.error, Warning):  # pragma: no cover - plain() parsed it with re's own parser
            pass
    return regex.compile(text)


class _PatternEngine:
    """compile_pattern as an engine of the schema's Regex node (lintlaw/io/schema.py), which
    reports an error of the regex module's syntax."""

    compile = staticmethod(compile_pattern)
    error = regex.error


PATTERN_ENGINE = _PatternEngine()


def plain(text: str) -> bool:
    """Whether `re` can run the pattern as the regex module would, in linear time."""
    parsed = parse(text)
    if parsed is None or parsed.state.flags & ~(sre.SRE_FLAG_UNICODE):
        return False
    tries = _tries(parsed)
    return _opens_with_literal(parsed) and tries is not None and tries <= MAX_TRIES


def _opens_with_literal(items) -> bool:
    """A literal first, or alternatives that each open with one (锟斤拷|烫烫烫)."""
    if not len(items):
        return False
    op, value = items[0]
    if op is sre.SUBPATTERN:
        return _opens_with_literal(value[-1])
    if op is sre.BRANCH:
        return all(_opens_with_literal(alternative) for alternative in value[1])
    return op is sre.LITERAL


def _tries(items) -> int | None:
    """How many ways a match may be tried at one place (backtracking into each alternative and
    each count of a repeat, multiplied along the sequence); None for anything `re` should not
    run: a repeat without a bound or of something matched more than one way, a class the engines read
    differently, a scoped flag, a group reference, a conditional."""
    total = 1
    for op, value in items:
        tries = _item_tries(op, value)
        if tries is None:
            return None
        total *= tries
        if total > MAX_TRIES:
            return None
    return total


_ANCHORS = (sre.AT_BEGINNING, sre.AT_END, sre.AT_BEGINNING_STRING, sre.AT_END_STRING)


def _item_tries(op, value) -> int | None:
    """The ways one parsed item may be tried, as _tries counts them."""
    if op in _ONE_CHARACTER:
        return 1
    if op is sre.IN:
        return None if any(kind is sre.CATEGORY for kind, _ in value) else 1
    if op in _REPEATS:
        low, high, item = value
        return None if high == sre.MAXREPEAT or _tries(item) != 1 else high - low + 1
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = value
        return None if add_flags or del_flags else _tries(inner)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _tries(value[1])
    if op is sre.BRANCH:
        counts = [_tries(alternative) for alternative in value[1]]
        return None if None in counts else sum(counts)
    if op is sre.AT and value in _ANCHORS:
        return 1
    return None  # a category, a word boundary, a group reference, a conditional, an atomic group
