"""Formats for tools: json-lines, SARIF 2.1.0, GitHub workflow commands, GitLab Code Quality, JUnit XML."""

from __future__ import annotations

import json

from lintlaw import __version__
from lintlaw.diagnostics import Diagnostic, Severity, related_places
from lintlaw.io.fingerprint import fingerprints, normalise_path
from lintlaw.render.json_format import to_dict
from lintlaw.render.lines import page_place
from lintlaw.render.visible import json_text, keep_lines, one_line
from lintlaw.text.source import Source

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/lintlaw/lintlaw"
SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def json_lines(diagnostics: list[Diagnostic], sources: dict[str, Source], rules) -> str:
    return "\n".join(json_text(json.dumps(to_dict(d, sources[d.path], sources), ensure_ascii=False))
                     for d in diagnostics)


def sarif(diagnostics: list[Diagnostic], sources: dict[str, Source], rules) -> str:
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True):
        source = sources[d.path]
        result = {
            "ruleId": d.code,
            "level": SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [_location(source, d.path, d.start, d.end)],
            "partialFingerprints": {"lintlaw/v1": fingerprint},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if d.related:
            result["relatedLocations"] = [
                {**_location(sources[path], path, start, end), "id": i, "message": {"text": label}}
                for i, (path, start, end, label) in enumerate(related_places(d))]
        if d.fix is not None and d.fix.edits:  # SARIF replaces text: a change of formatting is left out
            result["fixes"] = [{
                "description": {"text": "安全修复" if d.fix.safe else "需人工复核的修复"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": normalise_path(d.path)},
                    "replacements": [{"deletedRegion": _region(source, e.start, e.end),
                                      "insertedContent": {"text": e.content}} for e in d.fix.edits],
                }],
            }]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "lintlaw",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_sarif_rule(rule) for rule in rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json_text(json.dumps(log, ensure_ascii=False, indent=2))


def _sarif_rule(rule) -> dict:
    summary = rule.explanation.splitlines()[0] if rule.explanation else rule.name
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": f"{rule.explanation}\n依据：{rule.authority}"},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category]},
    }


def _region(source: Source, start: int, end: int) -> dict:
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column,
              "charOffset": start, "charLength": end - start}
    place = page_place(source, start)
    if place is not None:  # a PDF: lines count the rebuilt text; the page is in the property bag
        region["properties"] = {"page": place[0], "pageLine": place[1]}
    return region


def _on_page(source: Source, offset: int) -> str:
    """“第3页第12行 ” before a message about a PDF, whose line numbers count the rebuilt text."""
    place = page_place(source, offset)
    return "" if place is None else f"第{place[0]}页第{place[1]}行 "


def _location(source: Source, path: str, start: int, end: int) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": normalise_path(path)},
                                 "region": _region(source, start, end)}}


def github(diagnostics: list[Diagnostic], sources: dict[str, Source], rules) -> str:
    """Workflow commands: each finding becomes an annotation on the file in the pull request."""
    out = []
    for d in diagnostics:
        source = sources[d.path]
        line, column = source.position(d.start)
        end_line, end_column = source.position(d.end)
        properties = (f"file={_github_property(normalise_path(d.path))},line={line},col={column},"
                      f"endLine={end_line},endColumn={end_column},title={_github_property(f'lintlaw {d.code}')}")
        message = f"{_on_page(source, d.start)}{d.code} {d.message}"
        out.append(f"::{GITHUB_COMMAND[d.severity]} {properties}::{_github_data(message)}")
    return "\n".join(out)


def _github_data(text: str) -> str:
    # Line breaks are the command's own %0D/%0A; other controls are shown as escapes.
    return keep_lines(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def gitlab(diagnostics: list[Diagnostic], sources: dict[str, Source], rules) -> str:
    """GitLab Code Quality report (a JSON array of issues)."""
    issues = []
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, sources), strict=True):
        source = sources[d.path]
        line, _ = source.position(d.start)
        end_line, _ = source.position(d.end)
        issues.append({
            "description": f"{_on_page(source, d.start)}{d.code} {d.message}",
            "check_name": d.code,
            "fingerprint": fingerprint,
            "severity": GITLAB_SEVERITY[d.severity],
            "location": {"path": normalise_path(d.path), "lines": {"begin": line, "end": end_line}},
        })
    return json_text(json.dumps(issues, ensure_ascii=False, indent=2))


def junit(diagnostics: list[Diagnostic], sources: dict[str, Source], rules) -> str:
    """JUnit XML: a test suite per file, a failed test case per finding, a passed one for a clean file."""
    from xml.etree import ElementTree as ET

    root = ET.Element("testsuites", name="lintlaw", tests=str(max(len(diagnostics), len(sources))),
                      failures=str(len(diagnostics)))
    by_path: dict[str, list[Diagnostic]] = {path: [] for path in sources}
    for d in diagnostics:
        by_path.setdefault(d.path, []).append(d)
    for path, found in by_path.items():
        suite = ET.SubElement(root, "testsuite", name=normalise_path(path), tests=str(max(len(found), 1)),
                              failures=str(len(found)), errors="0")
        if not found:
            ET.SubElement(suite, "testcase", name="lintlaw", classname=normalise_path(path))
        for d in found:
            line, column = sources[path].position(d.start)
            case = ET.SubElement(suite, "testcase", name=f"{d.code} {line}:{column}",
                                 classname=normalise_path(path))
            failure = ET.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{normalise_path(path)}:{line}:{column}: {_on_page(sources[path], d.start)}{d.code} {d.message}"
    # XML 1.0 cannot carry most control characters, even as references: show them as text.
    for element in root.iter():
        element.attrib.update((key, one_line(value)) for key, value in element.attrib.items())
        if element.text:
            element.text = one_line(element.text)
    return ET.tostring(root, encoding="unicode", xml_declaration=True)
