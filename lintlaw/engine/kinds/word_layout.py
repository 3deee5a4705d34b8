"""Kind `word-layout`: a Word document's layout against GB/T 9704 (lintlaw/analysis/word_layout.py).

Only Word documents carry their formatting (Source.formatting); on any other input the kind
finds nothing. Its rule files' examples are written in the notation of
lintlaw/text/word_format.py (⟦仿宋_GB2312 三号⟧正文……), read by `example_source`.
"""

from __future__ import annotations

from lintlaw.analysis import word_layout_problems as layout
from lintlaw.engine.kinds.base import Fixes, Option, RuleKind, problem_option, problems
from lintlaw.io.schema import Choice, Items, Number, Text
from lintlaw.text.source import Source

NUMBER = (int, float)
ALIGNMENTS = ("center", "left", "both", "right", "distribute")
_ELEMENTS = f"应为以下之一或几个的列表：{'、'.join(layout.ELEMENTS)}"
_FONTS = "应为字体名称的非空列表"
_PAPER = "应为纸张的宽和高（毫米），如 [210, 297]"


def _layout():
    from lintlaw.analysis import word_layout

    return word_layout


def _font(kind, document):
    return _layout().font_issues(document, kind.problem, kind.elements, kind.fonts)


def _size(kind, document):
    return _layout().size_issues(document, kind.problem, kind.elements, kind.size)


def _alignment(kind, document):
    return _layout().alignment_issues(document, kind.problem, kind.elements, kind.alignment)


def _margins(kind, document):
    return _layout().margin_issues(document, kind.problem, kind.top, kind.left, kind.width, kind.height,
                                kind.paper, kind.tolerance)


def _line_pitch(kind, document):
    return _layout().line_pitch_issues(document, kind.problem, kind.lines, kind.tolerance, kind.height)


def _char_pitch(kind, document):
    return _layout().char_pitch_issues(document, kind.problem, kind.chars, kind.tolerance, kind.width)


def _page_numbers(what):
    return lambda kind, document: _layout().page_number_issues(document, kind.problem, what, kind.size, kind.pages)


PROBLEMS = problems(
    (layout.FONT, _font, Fixes()),
    (layout.SIZE, _size, Fixes()),
    (layout.ALIGNMENT, _alignment),
    (layout.MARGINS, _margins),
    (layout.LINE_PITCH, _line_pitch),
    (layout.CHAR_PITCH, _char_pitch),
    (layout.PAGE_NUMBER_FORM, _page_numbers("form")),
    (layout.PAGE_NUMBER_SIZE, _page_numbers("size")),
    (layout.PAGE_NUMBERS_MISSING, _page_numbers("missing")),
)


class WordLayout(RuleKind):
    name = "word-layout"
    problems = PROBLEMS
    options = {
        "problem": problem_option(PROBLEMS),
        "elements": Option(list, default=[], problems=("font", "size", "alignment"),
                           doc="查哪些部分：" + "、".join(layout.ELEMENTS)
                               + "（标题、一至四级标题、正文；表格中的文字不查）",
                           check=Items(Choice(layout.ELEMENTS, _ELEMENTS))),
        "fonts": Option(list, default=[], problems=("font",),
                        doc="可用的字体（字体名含其中之一即可，如“仿宋”含仿宋_GB2312）；修复改用文档中这些部分"
                            "已用得最多的一种，没有时用第一种", check=Items(Text(_FONTS, nonempty=True))),
        "size": Option(NUMBER, default=16, problems=("size", "page-number-size"),
                       doc="应有的字号（磅）：三号16，二号22，四号14"),
        "alignment": Option(str, default="center", problems=("alignment",), doc="应有的对齐：center、left、both、right",
                            check=Choice(ALIGNMENTS, f"只能取 {'、'.join(ALIGNMENTS)}")),
        "top": Option(NUMBER, default=37, problems=("margins",), doc="天头（上白边），毫米"),
        "left": Option(NUMBER, default=28, problems=("margins",), doc="订口（左白边），毫米"),
        "width": Option(NUMBER, default=156, problems=("margins", "char-pitch"), doc="版心宽，毫米"),
        "height": Option(NUMBER, default=225, problems=("margins", "line-pitch"), doc="版心高，毫米"),
        "paper": Option(list, default=[210, 297], problems=("margins",), doc="纸张宽、高，毫米（A4）",
                        check=Items(Number().where(lambda mm: mm > 0, _PAPER), expect=_PAPER)
                        .where(lambda paper: len(paper) == 2, _PAPER)),
        "tolerance": Option(NUMBER, default=1, problems=("margins", "line-pitch", "char-pitch"),
                            doc="允许的偏差：margins 为毫米，line-pitch 为行数，char-pitch 为字数"),
        "lines": Option(int, default=22, problems=("line-pitch",), doc="每面应排的行数"),
        "chars": Option(int, default=28, problems=("char-pitch",), doc="每行应排的字数"),
        "pages": Option(int, default=2, problems=("page-numbers-missing",), doc="从多少页起应有页码"),
    }

    needs = {problem: ((("elements",), _ELEMENTS),) for problem in ("font", "size", "alignment")}
    needs["font"] += ((("fonts",), _FONTS),)

    def check(self, document):
        if document.source.formatting is None:  # not a Word document: every problem finds nothing
            return iter(())
        return super().check(document)

    @classmethod
    def example_source(cls, text: str, path: str = "example.docx") -> Source:
        """A rule example's Source: its text and the formatting its notation writes."""
        from lintlaw.text.word_format import parse_example

        body, formatting = parse_example(text)
        return Source(path=path, text=body + "\n", encoding="docx", editable=False, reader="docx",
                      formatting=formatting)

