"""A Word document's formatting as Word resolves it, for the layout rules (GB/T 9704).

A run's East Asian font and size come from the first place that sets them: the run's own
properties, its character style, the paragraph's style (each through its w:basedOn chain),
then the document defaults (w:docDefaults); a theme font (w:eastAsiaTheme) is looked up in
the theme's font scheme, for the script of the run's East Asian language (w:lang, else the
settings' w:themeFontLang). A paragraph's alignment and line spacing resolve the same way.
Table styles and numbering levels are not followed: the layout rules leave table cells and
numbering labels alone. Each section gives its page, margins, grids and page numbers.

Imported only when a Word document is read (lintlaw/io/readers/docx_reader.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from lintlaw.io.readers.docx_reader import W, text_nodes
from lintlaw.text.word_format import PageNumber, Paragraph, Run, Section, WordFormat

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# The theme's script for an East Asian language (the theme holds one font per script).
_SCRIPTS = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant",
            "ja-jp": "Jpan", "ko-kr": "Hang"}
_ALIGNMENTS = {"start": "left", "left": "left", "end": "right", "right": "right", "center": "center",
               "both": "both", "distribute": "distribute", "lowKashida": "both", "mediumKashida": "both",
               "highKashida": "both", "thaiDistribute": "distribute"}
_DEFAULT_HALF_POINTS = 20  # Word's size where nothing sets one
_NATURAL_HEIGHT = 1.4  # a Chinese font's single line is at most this many times its size
_MM_PER_TWIP = 25.4 / 1440
_PAGE_FIELD = re.compile(r"\s*PAGE\b", re.I)
_SWITCH = re.compile(r"\\\*\s*(\w+)")
# How page 1 shows in a section's number format (w:pgNumType w:fmt) and in a PAGE field's
# format switch (\* ArabicDash); formats not listed show it as 1.
_FORMAT_SHOWS = {"numberInDash": "- 1 -", "decimalFullWidth": "１", "decimalFullWidth2": "１",
                 "upperRoman": "I", "lowerRoman": "i", "upperLetter": "A", "lowerLetter": "a",
                 "chineseCounting": "一", "chineseCountingThousand": "一", "ideographTraditional": "甲",
                 "chineseLegalSimplified": "壹", "ideographDigital": "一"}
_SWITCH_SHOWS = {"arabic": "1", "arabicdash": "- 1 -", "dbchar": "１", "roman": "i", "alphabetic": "a",
                 "chinesenum1": "一", "chinesenum2": "壹", "chinesenum3": "一"}
_FALSE = ("0", "false", "off")
_MAX_CHAIN = 20  # w:basedOn links followed (a loop in a damaged file ends here)


def read_format(document, paragraphs) -> WordFormat:
    """The formatting of a python-docx Document's paragraphs, `paragraphs` being the reader's
    (w:p, numbering label, text) of each line of its Source."""
    styles = _Styles(document)
    pages = _Pages(document, styles)
    found = []
    section = 0
    for p, label, _text in paragraphs:
        parent = p.getparent()
        top_level = parent is not None and parent.tag == W + "body"
        found.append(styles.paragraph(p, len(label), not top_level, section, pages.grid_pitch(section)))
        if top_level and _child(_child(p, W + "pPr"), W + "sectPr") is not None:
            section = min(section + 1, len(pages.sections) - 1)
    return WordFormat(found, pages.sections, _page_count(document))


def _related(part, name: str):
    """The XML of the part `part` relates to by type `name` (styles, settings, theme), or None."""
    for rel in part.rels.values():
        if rel.reltype == _RELATIONSHIPS + name and not rel.is_external:
            return _element(rel.target_part)
    return None


def _element(part):
    element = getattr(part, "element", None)
    if element is not None:
        return element
    from docx.oxml.parser import parse_xml

    try:
        return parse_xml(part.blob)
    except Exception:  # a damaged part: its formatting is unknown, the text is still read
        return None


def _on(node) -> bool:
    """A toggle element (w:snapToGrid): on unless its w:val says off."""
    return node.get(W + "val", "1") not in _FALSE


class _Styles:
    """The document's styles, defaults and theme fonts, and the properties they give."""

    def __init__(self, document):
        part = document.part
        styles = _related(part, "styles")
        settings = _related(part, "settings")
        theme = _related(part, "theme")
        self.by_id: dict[str, object] = {}
        self.default_paragraph = None
        self.default_rpr = self.default_ppr = None
        if styles is not None:
            for style in styles.iterchildren(W + "style"):
                style_id = style.get(W + "styleId")
                self.by_id[style_id] = style
                if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                    self.default_paragraph = style_id
            self.default_rpr = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
            self.default_ppr = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        lang = settings.find(W + "themeFontLang") if settings is not None else None
        self.theme_lang = (lang.get(W + "eastAsia") or "") if lang is not None else ""
        self.theme_fonts = _theme_fonts(theme)
        self._bases: dict[tuple, tuple] = {}
        self._paragraph_bases: dict[str | None, list] = {}

    # --- chains ---

    def _chain(self, style_id: str | None, tag: str) -> list:
        """The `tag` (w:rPr or w:pPr) of a style and of the styles it is based on, nearest first."""
        found = []
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen and len(seen) < _MAX_CHAIN:
            seen.add(style_id)
            style = self.by_id[style_id]
            props = style.find(tag)
            if props is not None:
                found.append(props)
            based = style.find(W + "basedOn")
            style_id = based.get(W + "val") if based is not None else None
        return found

    def _paragraph_style(self, p) -> str | None:
        node = _child(_child(p, W + "pPr"), W + "pStyle")
        return node.get(W + "val") if node is not None else self.default_paragraph

    def _base(self, paragraph_style: str | None, run_style: str | None) -> tuple:
        """(font spec, half-points, language) the styles and defaults give a run."""
        key = (paragraph_style, run_style)
        if key not in self._bases:
            chain = [*self._chain(run_style, W + "rPr"), *self._chain(paragraph_style, W + "rPr")]
            if self.default_rpr is not None:
                chain.append(self.default_rpr)
            self._bases[key] = (_font_spec(chain), _half_points(chain), _lang(chain))
        return self._bases[key]

    # --- runs ---

    def run(self, run, paragraph_style: str | None) -> tuple[str | None, int]:
        """The East Asian font (None: unknown) and half-points a run is set in."""
        rpr = _child(run, W + "rPr")
        direct = {child.tag: child for child in rpr} if rpr is not None else {}
        style = direct.get(W + "rStyle")
        spec, size, lang = self._base(paragraph_style, style.get(W + "val") if style is not None else None)
        if direct:
            spec = _fonts_of(direct.get(W + "rFonts")) or spec
            size = _size_of(direct.get(W + "sz")) or size
            lang = _lang_of(direct.get(W + "lang")) or lang
        return self._font(spec, lang), size or _DEFAULT_HALF_POINTS

    def _font(self, spec, lang: str | None) -> str | None:
        if spec is None:
            return None
        kind, value = spec
        if kind == "name":
            return value
        face, scripts = self.theme_fonts.get("major" if value.startswith("major") else "minor", ("", {}))
        if face:
            return face
        # The run's East Asian language picks the script, else the document's (en-US is none).
        script = next((_SCRIPTS[tag.lower()] for tag in (lang, self.theme_lang) if tag and tag.lower() in _SCRIPTS),
                      "Hans")
        return scripts.get(script) or None

    # --- paragraphs ---

    def _paragraph_properties(self, p) -> tuple[str | None, dict]:
        """A paragraph's style, and the properties the layout reads (w:jc, w:spacing that sets
        a line, w:snapToGrid) from its own w:pPr, else its style's chain, else the defaults."""
        direct = _properties([_child(p, W + "pPr")])
        style_node = direct.get(W + "pStyle")
        style = style_node.get(W + "val") if style_node is not None else self.default_paragraph
        if style not in self._paragraph_bases:
            self._paragraph_bases[style] = _properties([*self._chain(style, W + "pPr"), self.default_ppr])
        return style, {**self._paragraph_bases[style], **direct}

    def paragraph(self, p, label: int, in_table: bool, section: int, grid: float | None) -> Paragraph:
        """A paragraph's runs (columns counted from its line's start, after a `label` of
        automatic numbering), alignment and line pitch."""
        style, properties = self._paragraph_properties(p)
        runs = self.runs(p, style, label)
        sizes = [run.half_points for run in runs if run.half_points]
        line_pitch = _line_pitch(properties, grid, max(sizes) / 2) if sizes else None
        jc = properties.get(W + "jc")
        alignment = _ALIGNMENTS.get(jc.get(W + "val", ""), "left") if jc is not None else "left"
        return Paragraph(tuple(runs), alignment, line_pitch, in_table, section)

    def runs(self, p, paragraph_style: str | None, offset: int = 0) -> list[Run]:
        """The paragraph's text as runs of one font and size, merged where they agree; text
        in a text box the paragraph draws is of unknown formatting."""
        found: list[Run] = []
        position = offset
        last, setting = None, (None, None)
        for node, text in text_nodes(p):
            if not text:
                continue
            run = node.getparent()
            if run is not last:  # a run's several w:t, w:tab and w:br: resolved once
                last, setting = run, (None, None)
                if run is not None and run.tag == W + "r" and (run.getparent() is p or _paragraph_of(run) is p):
                    setting = self.run(run, paragraph_style)
            font, size = setting
            end = position + len(text)
            if found and (found[-1].font, found[-1].half_points) == (font, size) and found[-1].end == position:
                found[-1] = Run(found[-1].start, end, font, size)
            else:
                found.append(Run(position, end, font, size))
            position = end
        return found


def _paragraph_of(node):
    """The nearest paragraph holding a node."""
    parent = node.getparent()
    while parent is not None and parent.tag != W + "p":
        parent = parent.getparent()
    return parent


def _child(node, tag: str):
    """The first child of `node` with `tag` (None for no node): a loop over the children is
    several times faster than lxml's find() on these elements."""
    if node is not None:
        for child in node:
            if child.tag == tag:
                return child
    return None


def _first(chain: list, tag: str):
    for props in chain:
        node = _child(props, tag)
        if node is not None:
            return node
    return None


_READ = frozenset({W + "pStyle", W + "jc", W + "spacing", W + "snapToGrid"})


def _properties(chain: list) -> dict:
    """The paragraph properties the layout reads, the first of each along a chain of w:pPr; a
    w:spacing counts only where it sets a line (one that sets only space before does not)."""
    found: dict = {}
    for props in chain:
        if props is None:
            continue
        for child in props:
            if child.tag in _READ and child.tag not in found and (child.tag != W + "spacing" or child.get(W + "line")):
                found[child.tag] = child
    return found


def _font_spec(chain: list):
    """("theme", minorEastAsia) or ("name", 仿宋_GB2312): the first East Asian font set in a chain."""
    for props in chain:
        spec = _fonts_of(_child(props, W + "rFonts"))
        if spec:
            return spec
    return None


def _fonts_of(fonts):
    if fonts is None:
        return None
    theme = fonts.get(W + "eastAsiaTheme")
    if theme:
        return "theme", theme
    name = (fonts.get(W + "eastAsia") or "").strip()
    return ("name", name) if name else None


def _half_points(chain: list) -> int | None:
    return _size_of(_first(chain, W + "sz"))


def _size_of(node) -> int | None:
    """A w:sz in half-points."""
    value = _measure(node, "val", 2)
    return round(value) or None if value is not None else None


def _lang(chain: list) -> str | None:
    for props in chain:
        lang = _lang_of(_child(props, W + "lang"))
        if lang:
            return lang
    return None


def _lang_of(node) -> str | None:
    return node.get(W + "eastAsia") or None if node is not None else None


def _theme_fonts(theme) -> dict[str, tuple[str, dict[str, str]]]:
    """major/minor → (the East Asian typeface, {script: typeface}) of the theme's font scheme."""
    fonts = {}
    if theme is None:
        return fonts
    for key in ("major", "minor"):
        node = next(theme.iter(f"{A}{key}Font"), None)
        if node is None:
            continue
        ea = node.find(A + "ea")
        scripts = {font.get("script"): font.get("typeface", "") for font in node.iterchildren(A + "font")}
        fonts[key] = ((ea.get("typeface", "") if ea is not None else "").strip(), scripts)
    return fonts


def _line_pitch(properties: dict, grid: float | None, points: float) -> float | None:
    """Points from one line of a paragraph to the next where the document fixes it: an exact
    spacing, an at-least spacing above the font's own height, or single spacing on a line
    grid the font fits in. None where it depends on the font's metrics."""
    spacing = properties.get(W + "spacing")
    snap = properties.get(W + "snapToGrid")
    on_grid = grid is not None and (snap is None or _on(snap))
    line, rule = 240.0, "auto"
    if spacing is not None:
        try:
            line = float(spacing.get(W + "line"))
        except ValueError:
            return None
        rule = spacing.get(W + "lineRule", "auto")
    if line <= 0:
        return None
    if rule == "exact":
        return line / 20
    if rule == "atLeast":
        fixed = line / 20
        return fixed if fixed >= _NATURAL_HEIGHT * points and not on_grid else None
    if on_grid and line == 240 and _NATURAL_HEIGHT * points <= grid:
        return grid
    return None


class _Pages:
    """Each section's page, grids and page numbers (w:sectPr in order: those that end a
    paragraph, then the body's last)."""

    def __init__(self, document, styles: _Styles):
        body = document.element.body
        settings = _related(document.part, "settings")
        gutter_at_top = settings is not None and settings.find(W + "gutterAtTop") is not None and _on(
            settings.find(W + "gutterAtTop"))
        ends = [_child(_child(p, W + "pPr"), W + "sectPr") for p in body.iterchildren(W + "p")]
        sectprs = [s for s in ends if s is not None]
        last = body.find(W + "sectPr")
        if last is not None:
            sectprs.append(last)
        self.part = document.part
        self.styles = styles
        self._grids: list[float | None] = []
        self.sections: list[Section] = []
        self._numbers: dict[str, tuple[PageNumber, ...]] = {}
        references: dict[str, str] = {}  # (kind, type) → relationship id, inherited by later sections
        normal_size = styles._base(styles.default_paragraph, None)[1] or _DEFAULT_HALF_POINTS
        for sectpr in sectprs:
            for ref in (*sectpr.iterchildren(W + "footerReference"), *sectpr.iterchildren(W + "headerReference")):
                references[(ref.tag, ref.get(W + "type", "default"))] = ref.get(R + "id")
            numbers = []
            shown = _FORMAT_SHOWS.get(_child(sectpr, W + "pgNumType").get(W + "fmt", "decimal")
                                      if _child(sectpr, W + "pgNumType") is not None else "decimal", "1")
            for (_tag, kind), rel_id in references.items():
                if kind != "first":  # a title page often shows none
                    # A field without a format switch shows the number in the section's format.
                    numbers.extend(number if number.first else replace(number, first=shown)
                                   for number in self._page_numbers(rel_id))
            section, grid = _section(sectpr, gutter_at_top, normal_size / 2, tuple(dict.fromkeys(numbers)))
            self.sections.append(section)
            self._grids.append(grid)
        if not self.sections:
            self.sections.append(Section(measured=False))
            self._grids.append(None)

    def grid_pitch(self, section: int) -> float | None:
        return self._grids[section]

    def _page_numbers(self, rel_id: str | None) -> tuple[PageNumber, ...]:
        if rel_id not in self._numbers:
            part = self.part.related_parts.get(rel_id) if rel_id else None
            element = _element(part) if part is not None else None
            numbers = []
            if element is not None:
                for p in element.iter(W + "p"):
                    number = _page_number(p, self.styles)
                    if number is not None:
                        numbers.append(number)
            self._numbers[rel_id] = tuple(numbers)
        return self._numbers[rel_id]


def _section(sectpr, gutter_at_top: bool, normal_points: float, numbers) -> tuple[Section, float | None]:
    size = _child(sectpr, W + "pgSz")
    margins = _child(sectpr, W + "pgMar")
    grid = _child(sectpr, W + "docGrid")
    line_grid = char_pitch = None
    if grid is not None and grid.get(W + "type") in ("lines", "linesAndChars", "snapToChars"):
        line_grid = (_twips(grid, "linePitch") or 0) / 20 or None
        if grid.get(W + "type") != "lines":
            space = _twips(grid, "charSpace", plain=True) or 0
            if space >= 2 ** 31:  # LibreOffice writes a negative w:charSpace as an unsigned 32-bit number
                space -= 2 ** 32
            char_pitch = normal_points + space / 4096
    measures = {key: _twips(margins, key) for key in ("top", "bottom", "left", "right")}
    measures.update(width=_twips(size, "w"), height=_twips(size, "h"))
    if None in measures.values():  # the document does not say, or says it in a way not understood
        return Section(measured=False, char_pitch=char_pitch, page_numbers=numbers), line_grid
    values = {key: abs(value) * _MM_PER_TWIP for key, value in measures.items()}
    values["top" if gutter_at_top else "left"] += (_twips(margins, "gutter") or 0) * _MM_PER_TWIP
    return Section(**values, char_pitch=char_pitch, page_numbers=numbers), line_grid


# Points in a unit: ECMA-376 allows a measure with a unit ("3.7cm", "16pt") where a bare
# number (twips, half-points) is usual.
_UNIT_POINTS = {"mm": 72 / 25.4, "cm": 720 / 25.4, "in": 72.0, "pt": 1.0, "pc": 12.0, "pi": 12.0}
_MEASURE = re.compile(r"\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt|pc|pi)?\s*")


def _measure(node, attribute: str, per_point: float, plain: bool = False) -> float | None:
    """An attribute in its own unit (`per_point` of them a point: 20 for twips, 2 for
    half-points), a bare number or one with a unit (unless `plain`); None when the node or
    the attribute is missing or not a measure."""
    value = node.get(W + attribute) if node is not None else None
    match = _MEASURE.fullmatch(value) if value is not None else None
    if match is None or plain and match.group(2):
        return None
    number = float(match.group(1))
    return number * _UNIT_POINTS[match.group(2)] * per_point if match.group(2) else number


def _twips(node, attribute: str, plain: bool = False) -> float | None:
    return _measure(node, attribute, 20, plain)


def _page_number(p, styles: _Styles) -> PageNumber | None:
    """The page number field of a footer or header paragraph, with the text around it, or None.

    A simple field (w:fldSimple) or a complex one (w:fldChar begin, w:instrText PAGE,
    separate, its result, end); the number's size is its result's (else the field's run's)."""
    style = styles._paragraph_style(p)
    before: list[str] = []
    after: list[str] = []
    found = False
    size = None
    instruction_of_number = ""
    fields: list[list] = []  # open complex fields: [instruction, showing its result, size of its first run]
    for node in p.iter(W + "fldSimple", W + "fldChar", W + "instrText", W + "t", W + "tab"):
        if _paragraph_of(node) is not p:
            continue
        run = node.getparent() if node.tag != W + "fldSimple" else node.find(W + "r")
        run_size = styles.run(run, style)[1] if run is not None and run.tag == W + "r" else None
        if node.tag == W + "fldSimple":
            if not found and _PAGE_FIELD.match(node.get(W + "instr", "")):
                found, size, instruction_of_number = True, run_size, node.get(W + "instr", "")
            continue
        if node.tag == W + "fldChar":
            kind = node.get(W + "fldCharType")
            if kind == "begin":
                fields.append(["", False, run_size])
            elif kind == "separate" and fields:
                fields[-1][1] = True
            elif kind == "end" and fields:
                instruction, _shown, first_size = fields.pop()
                if not found and _PAGE_FIELD.match(instruction):
                    found, size, instruction_of_number = True, size or first_size, instruction
            continue
        if node.tag == W + "instrText":
            if fields:
                fields[-1][0] += node.text or ""
            continue
        if _in_page_field(node, p):
            continue  # a simple field's result: the number itself
        if fields and not all(shown for _i, shown, _s in fields):
            continue
        if fields and _PAGE_FIELD.match(fields[-1][0]):
            size = size or run_size  # the complex field's result: the number
            continue
        (after if found else before).append(node.text or "" if node.tag == W + "t" else " ")
    if not found:
        return None
    return PageNumber("".join(before), "".join(after), size, _shows(instruction_of_number))


def _shows(instruction: str) -> str:
    """How a PAGE field shows page 1 by its format switch; "" when it has none (the section's
    format then applies; \\* MERGEFORMAT only keeps formatting)."""
    for switch in _SWITCH.findall(instruction):
        if switch in ("ROMAN", "ALPHABETIC"):  # upper case: capitals
            return switch[0]
        if switch.lower() in _SWITCH_SHOWS:
            return _SWITCH_SHOWS[switch.lower()]
    return ""


def _in_page_field(node, p) -> bool:
    """Whether a text node is the result of a simple PAGE field."""
    parent = node.getparent()
    while parent is not None and parent is not p:
        if parent.tag == W + "fldSimple":
            return bool(_PAGE_FIELD.match(parent.get(W + "instr", "")))
        parent = parent.getparent()
    return False


def _page_count(document) -> int | None:
    """The pages the application counted when it last saved the file (docProps/app.xml)."""
    for rel in document.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties") and not rel.is_external:
            match = re.search(rb"<(?:\w+:)?Pages>\s*([0-9]+)\s*<", rel.target_part.blob)
            return int(match.group(1)) if match else None
    return None
