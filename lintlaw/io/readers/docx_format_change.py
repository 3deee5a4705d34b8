"""A tracked formatting change (Word's and WPS's 格式修订) on one run of a Word document.

The run's properties are changed in place (a new East Asian font, size or highlight) and its
properties as they were are kept in a w:rPrChange by its author and date, so that accepting
the change keeps the new formatting and rejecting it restores the old. A reviewed copy
(lintlaw/review/word.py) applies a finding's FormatEdits this way, on
the runs that hold each edit's characters, once its run splitting has made them whole runs.
"""

from __future__ import annotations

import copy

from lintlaw.io.readers.docx_reader import W


def track_format_change(run, *, author: str, date: str, change_id: int, font: str | None = None,
                        half_points: int | None = None, highlight: str | None = None) -> bool:
    """Set a w:r's East Asian `font`, size (`half_points`) and/or `highlight` as one tracked
    change by `author` at `date` (YYYY-MM-DDTHH:MM:SSZ), numbered `change_id`.

    A run whose formatting is already someone else's pending change is left alone (Word keeps
    one such change a run); so is a run that is already so. Returns whether it changed. A run
    changed before by this author at this date keeps its first record of the old properties,
    so that rejecting restores the run as it was before any of them."""
    from lxml import etree

    properties = run.find(W + "rPr")
    if not _differs(properties, font, half_points, highlight):
        return False
    properties = run.get_or_add_rPr()
    pending = properties.find(W + "rPrChange")
    if pending is not None and (pending.get(W + "author"), pending.get(W + "date")) != (author, date):
        return False
    if pending is not None:
        properties.remove(pending)  # set aside while properties change: it stays the last child
    else:
        before = copy.deepcopy(properties)
        etree.cleanup_namespaces(before)  # a copy carries its ancestors' declarations
        before.tag = W + "rPr"
        pending = properties.makeelement(W + "rPrChange", {W + "id": str(change_id), W + "author": author,
                                                            W + "date": date})
        pending.append(before)
    if font is not None:
        fonts = properties.get_or_add_rFonts()
        fonts.set(W + "eastAsia", font)
        fonts.attrib.pop(W + "eastAsiaTheme", None)  # a theme font would win over the name
    if half_points is not None:
        properties.get_or_add_sz().set(W + "val", str(half_points))
        complex_size = properties.find(W + "szCs")
        if complex_size is None:
            complex_size = properties.makeelement(W + "szCs", {})
            properties.find(W + "sz").addnext(complex_size)
        complex_size.set(W + "val", str(half_points))
    if highlight is not None:
        properties.get_or_add_highlight().set(W + "val", highlight)
    properties.append(pending)
    return True


def _differs(properties, font, half_points, highlight) -> bool:
    """Whether a run's own properties lack any of the values asked for."""
    def value(tag: str, attribute: str = W + "val"):
        node = properties.find(tag) if properties is not None else None
        return node.get(attribute) if node is not None else None

    return ((font is not None and (value(W + "rFonts", W + "eastAsia") != font
                                   or value(W + "rFonts", W + "eastAsiaTheme") is not None))
            or (half_points is not None and value(W + "sz") != str(half_points))
            or (highlight is not None and value(W + "highlight") != highlight))
