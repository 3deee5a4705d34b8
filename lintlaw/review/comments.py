"""What a reviewed copy's comment (批注) says: plain Chinese, short.

The finding's message with its rule's code and severity, then one line "依据：…", then one
line about the fix: that it is marked as a tracked change, or what it would change. At most
MAX_CHARS characters: a long authority, then a long message, is cut with "…".
"""

from __future__ import annotations

from lintlaw.diagnostics import Edit
from lintlaw.render.visible import one_line

MAX_CHARS = 300
_QUOTED_MAX = 20  # characters of a fix's text quoted in a comment
_EDITS_SHOWN = 3  # edits of one fix described before "等N处"


def comment_text(remark, source, authority: str = "", numbering: str = "") -> str:
    """The comment of a Remark (lintlaw/review/plan.py); `numbering`, the Word automatic
    number its finding is on, if it is."""
    d = remark.diagnostic
    first = f"{one_line(d.message)}（{d.code}，{d.severity.chinese}）"
    basis = f"依据：{one_line(authority)}" if authority else ""
    lines = [line for line in (fix_line(remark, source), _numbering_line(numbering)) if line]
    budget = MAX_CHARS - sum(len(line) + 1 for line in lines)
    if basis and len(first) + 1 + len(basis) > budget:
        basis = _cut(basis, max(budget - len(first) - 1, len("依据：") + 8))
    if len(first) + (len(basis) + 1 if basis else 0) > budget:
        first = _cut(first, budget - (len(basis) + 1 if basis else 0))
    return "\n".join(line for line in (first, basis, *lines) if line)


def fix_line(remark, source) -> str:
    """One line on the fix: marked as a tracked change, or suggested; "" without a fix."""
    d = remark.diagnostic
    places = len(remark.places)
    if remark.applied:
        return f"全文{places}处已作为修订标出，可一并接受" if places else "已作为修订标出"
    if d.fix is None:
        return ""
    suggestion = "；".join(part for part in (describe(d.fix.edits, source.text), _formats(d.fix.formats)) if part)
    check = "" if d.fix.safe else "（需人工确认）"
    if places:
        return f"全文{places}处已用突出显示标出；建议{suggestion}{check}"
    return f"建议{suggestion}{check}"


def describe(edits, text: str) -> str:
    """What edits of a text do, in words: 把“截止”改为“截至”; 删除“，”; 插入“合”; 等N处."""
    if not edits:
        return ""
    parts = [_edit_words(edit, text) for edit in edits[:_EDITS_SHOWN]]
    more = f"等{len(edits)}处" if len(edits) > _EDITS_SHOWN else ""
    return "；".join(parts) + more


def _formats(formats) -> str:
    """What formatting edits do: 字体改为仿宋_GB2312 (each kind once)."""
    return "；".join(dict.fromkeys(edit.describe() for edit in formats))


def _edit_words(edit: Edit, text: str) -> str:
    before, after = text[edit.start:edit.end], edit.content
    if not after:
        return f"删除{_quoted(before)}"
    if not before:
        return f"插入{_quoted(after)}"
    return f"把{_quoted(before)}改为{_quoted(after)}"


def _numbering_line(numbering: str) -> str:
    if not numbering:
        return ""
    return f"“{one_line(numbering)}”是 Word 的自动编号，请在本段的编号格式中修改"


def _quoted(text: str) -> str:
    text = text.replace("\n", "↵")  # a paragraph break inside the edited text
    if len(text) > _QUOTED_MAX:
        text = text[:_QUOTED_MAX - 1] + "…"
    return f"“{one_line(text)}”"


def _cut(text: str, length: int) -> str:
    return text if len(text) <= length else text[:max(length - 1, 0)] + "…"
