"""lintlaw's own remarks in a Word document it reviewed before: its comments and tracked changes.

A reviewed copy (lintlaw/review/word.py) records in two custom document properties the
author its remarks carry and the minute they were made; Word, WPS and LibreOffice keep
custom properties and those attributes when they save a document. A comment, insertion,
deletion or formatting change with that author and that date (to the minute: Word keeps no
seconds) is lintlaw's; a person's remarks, even under the same name, carry other dates.
Comments of copies written before the properties existed are known by their author
"lintlaw" and initials "LL".

Reading a document sees lintlaw's pending changes rejected, so that checking a reviewed copy
finds what checking the original found; a new review removes lintlaw's remarks before it
writes its own, so that reviewing a reviewed copy replaces them instead of stacking them.
"""

from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AUTHOR_PROPERTY = "lintlaw-author"
DATE_PROPERTY = "lintlaw-date"
LEGACY = ("lintlaw", "LL")  # (author, initials) of the comments of the first reviewed copies
_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_PROPERTIES = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id of user-defined properties


@dataclass(frozen=True)
class Signature:
    """Who lintlaw's remarks in one document are by, and when (YYYY-MM-DDTHH:MM)."""

    author: str
    minute: str

    @property
    def date(self) -> str:
        """The w:date of each remark: local time, as Word writes it."""
        return f"{self.minute}:00Z"

    def signs(self, element) -> bool:
        return element.get(W + "author") == self.author and (element.get(W + "date") or "")[:16] == self.minute


def signature_of(document) -> Signature | None:
    """The signature a reviewed copy records, None for any other document."""
    properties = _properties(document)
    if properties is None:
        return None
    values = {}
    for node in properties.iter(_PROPERTIES + "property"):
        name = node.get("name")
        if name in (AUTHOR_PROPERTY, DATE_PROPERTY):
            values[name] = "".join(node.itertext())
    author, minute = values.get(AUTHOR_PROPERTY), values.get(DATE_PROPERTY, "")[:16]
    return Signature(author, minute) if author and len(minute) == 16 else None


def reject_own_changes(document, signature: Signature | None) -> None:
    """Undo lintlaw's pending tracked changes in the body: its insertions go, its deletions
    come back, its formatting changes are reverted. A person's changes stay."""
    if signature is None:
        return
    body = document.element.body
    for node in list(body.iter(W + "ins", W + "del", W + "rPrChange")):
        if not signature.signs(node):
            continue
        parent = node.getparent()
        if node.tag == W + "rPrChange":
            _revert_formatting(node)
        elif parent is not None and parent.tag == W + "rPr":  # a paragraph mark's: the mark stays
            parent.remove(node)
            _drop_if_empty(parent)
        elif node.tag == W + "ins":
            _remove_insertion(node)
        else:
            _restore_deletion(node)


def _drop_if_empty(properties) -> None:
    """A mark's properties, and then the paragraph's, that only held lintlaw's change go too."""
    while len(properties) == 0 and properties.tag in (W + "rPr", W + "pPr"):
        parent = properties.getparent()
        parent.remove(properties)
        properties = parent


def _revert_formatting(change) -> None:
    properties = change.getparent()
    old = change.find(W + "rPr")
    for child in list(properties):
        properties.remove(child)
    for child in list(old if old is not None else ()):
        properties.append(child)
    if len(properties) == 0:  # the run had no properties of its own
        properties.getparent().remove(properties)


def _remove_insertion(insertion) -> None:
    """Remove inserted runs; what else sits in the insertion (a person's comment range or
    reference, a bookmark) is kept in its place."""
    for child in list(insertion):
        if child.tag == W + "r":
            if child.find(W + "commentReference") is None:
                continue
            for text in child.findall(W + "t"):
                child.remove(text)
        insertion.addprevious(child)
    insertion.getparent().remove(insertion)


def _restore_deletion(deletion) -> None:
    for text in deletion.iter(W + "delText", W + "delInstrText"):
        text.tag = W + ("t" if text.tag == W + "delText" else "instrText")
    for child in list(deletion):
        deletion.addprevious(child)
    deletion.getparent().remove(deletion)


def own_comment_ids(document, signature: Signature | None) -> set[str]:
    """The ids of the comments lintlaw wrote (its signature, or the first copies' author and initials)."""
    part = _comments_part(document)
    if part is None:
        return set()
    ids = set()
    for comment in part.element.iter(W + "comment"):
        legacy = (comment.get(W + "author"), comment.get(W + "initials")) == LEGACY
        if legacy or (signature is not None and signature.signs(comment)):
            ids.add(comment.get(W + "id"))
    return ids


def remove_comments(document, ids: set[str]) -> None:
    """Remove comments with their anchors and references from the body."""
    if not ids:
        return
    part = _comments_part(document)
    for comment in list(part.element.iter(W + "comment")):
        if comment.get(W + "id") in ids:
            comment.getparent().remove(comment)
    body = document.element.body
    for node in list(body.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")):
        if node.get(W + "id") not in ids:
            continue
        parent = node.getparent()
        if node.tag == W + "commentReference" and parent.tag == W + "r" and len(
                [c for c in parent if c.tag != W + "rPr"]) == 1:
            parent.getparent().remove(parent)  # the run that only held the reference
        else:
            parent.remove(node)


def sign(document, signature: Signature) -> None:
    """Record the signature in the document's custom properties (replacing an earlier one)."""
    from lxml import etree

    part = _custom_part(document)
    if part is None:
        root = etree.Element(_PROPERTIES + "Properties", nsmap={None: _PROPERTIES[1:-1], "vt": _VT[1:-1]})
    else:
        root = etree.fromstring(part.blob)
    for node in list(root):
        if node.get("name") in (AUTHOR_PROPERTY, DATE_PROPERTY):
            root.remove(node)
    used = [int(node.get("pid")) for node in root if (node.get("pid") or "").isdigit()]
    pid = max([1, *used]) + 1  # 0 and 1 are reserved
    for offset, (name, value) in enumerate(((AUTHOR_PROPERTY, signature.author), (DATE_PROPERTY, signature.minute))):
        node = etree.SubElement(root, _PROPERTIES + "property", fmtid=_FMTID, pid=str(pid + offset), name=name)
        etree.SubElement(node, _VT + "lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if part is None:
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part

        package = document.part.package
        package.relate_to(Part(PackURI("/docProps/custom.xml"), _CUSTOM, blob, package), _CUSTOM_RELATION)
    else:
        part._blob = blob  # python-docx keeps a part it has no class for as bytes; they are replaced


def _custom_part(document):
    try:
        return document.part.package.part_related_by(_CUSTOM_RELATION)
    except (KeyError, ValueError):
        return None


def _properties(document):
    part = _custom_part(document)
    if part is None:
        return None
    from lxml import etree

    try:
        return etree.fromstring(part.blob)
    except etree.XMLSyntaxError:
        return None


def _comments_part(document):
    """The comments part, None when the document has none (without making one)."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.COMMENTS)
    except (KeyError, ValueError):
        return None
