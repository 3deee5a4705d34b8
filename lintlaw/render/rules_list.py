"""`lintlaw rules`: one rule a line, names whole, the one-sentence summary wrapped.

Plain text, not a rich table: a table cuts names to fit 80 columns (they could not be
copied into --select) and pads piped output to its full width.
"""

from __future__ import annotations

import os
import sys

from lintlaw.render.helptext import width_of, wrap

HEADER = ("代码", "名称", "类别", "级别", "报告类型", "修复", "说明")
GAP = "  "
NARROWEST_SUMMARY = 24  # below this many cells the summary goes on its own lines


def summary(explanation: str) -> str:
    """The explanation's first sentence: up to the first 。 outside quotation marks."""
    text = "".join(line.strip() for line in explanation.splitlines())
    depth = 0
    for i, char in enumerate(text):
        if char in "“‘《（(「":
            depth += 1
        elif char in "”’》）)」":
            depth = max(depth - 1, 0)
        elif char == "。" and depth == 0:
            return text[:i + 1]
    return text


def output_width() -> int | None:
    """COLUMNS when set, else the terminal's width; None (no wrapping) in a pipe."""
    import shutil

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return None


def render(rules: list[tuple[str, ...]], width: int | None) -> str:
    """Rows of short cells (code, name, …) ending in the summary, under HEADER."""
    rows = [HEADER] + list(rules)
    heads = len(HEADER) - 1
    widths = [max(width_of(row[i]) for row in rows) for i in range(heads)]
    lead = sum(widths) + len(GAP) * heads
    lines = []
    for row in rows:
        head = GAP.join(cell + " " * (w - width_of(cell)) for cell, w in zip(row[:heads], widths))
        if width is not None and width_of(head) > width:  # too narrow for columns: cells as words
            head = " ".join(row[:heads])
        if width is None:
            lines.append(f"{head}{GAP}{row[-1]}".rstrip())
        elif width - lead >= NARROWEST_SUMMARY:
            text = wrap(row[-1], width - lead)
            lines.append(f"{head}{GAP}{text[0]}".rstrip())
            lines.extend(" " * lead + line for line in text[1:])
        else:
            lines.append(head.rstrip())
            lines.extend("    " + line for line in wrap(row[-1], width - 4))
    return "\n".join(lines)
