"""A plain-text dump of the Document tree, used by golden tests and debugging."""

from __future__ import annotations


def dump(document) -> str:
    out = []
    for report in document.reports:
        title = report.title.text if report.title else None
        out.append(f"report title={title!r} year={report.year} issuer={report.issuer!r} "
                   f"type={report.report_type.name} date={report.date.text if report.date else None!r}")
        for line in report.intro:
            out.append(f"  intro L{line.lineno}")
        for section in report.sections:
            _dump_section(section, 1, out)
    return "\n".join(out) + "\n"


def _dump_section(section, depth: int, out: list[str]) -> None:
    heading = section.heading
    number = section.marker.number
    out.append(f"{'  ' * depth}L{heading.lineno} level={section.level} number={number} "
               f"marker={section.marker.raw!r} title={section.title!r} "
               f"paragraphs={[p.lineno for p in section.paragraphs]}")
    for child in section.children:
        _dump_section(child, depth + 1, out)
