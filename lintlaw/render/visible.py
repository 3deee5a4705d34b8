"""Report text made safe to show: no control or bidi character reaches an output raw.

A report may carry ESC, VT or C1 controls (escape sequences a terminal would
obey) and bidi overrides (which reorder what a reader sees). Every format shows
them as visible escapes such as \\x1b or \\u202e; JSON keeps the exact character
as a \\u escape. XML 1.0 cannot carry most C0 controls at all, so JUnit shows
them as text too.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL and the C1 controls, the Unicode line and paragraph
# separators (line breaks to many readers, splitlines among them), bidi embeddings,
# overrides and isolates, and the two noncharacters XML 1.0 forbids.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[\n{_UNSAFE}]")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def escape_char(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escaped(match: re.Match) -> str:
    return escape_char(match.group())


def is_unsafe(char: str) -> bool:
    return _UNSAFE_IN_LINE.match(char) is not None


def one_line(text: str) -> str:
    """Text for one output line: line breaks too become visible."""
    return _UNSAFE_IN_LINE.sub(_escaped, text)


def keep_lines(text: str) -> str:
    """Text of several lines: each line made safe, its line ending kept as it is."""
    if not _UNSAFE_IN_TEXT.search(text.replace("\r\n", "\n").replace("\r", "\n")):
        return text
    return _LINE.sub(lambda m: _UNSAFE_IN_TEXT.sub(_escaped, m.group(1)) + m.group(2), text)


def json_text(text: str) -> str:
    """JSON from json.dumps(ensure_ascii=False) with the unsafe characters it leaves raw as \\u escapes.

    json.dumps already escapes C0 controls; DEL, C1 and the bidi controls can only occur
    inside strings, where a \\u escape stands for the same character.
    """
    return _UNSAFE_IN_TEXT.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
