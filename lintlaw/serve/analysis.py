"""What the page shows, as JSON-ready dicts: findings, text segments, outline, rate checks, fixes.

No HTTP here (lintlaw/serve/app.py does that). Findings are the records of
`--format json` (lintlaw/render/json_format.py) plus their character offsets, so the
page shows exactly what `lintlaw check` shows.
"""

from __future__ import annotations

import base64
from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.io.inputs import SUFFIXES, read_bytes
from lintlaw.text.source import Source


def load(data: bytes, name: str) -> Source:
    """Read uploaded bytes as `lintlaw check --stdin-filename NAME -` reads them (by suffix).

    A bad file raises InputError with the CLI's own message."""
    if Path(name).suffix.lower() not in SUFFIXES:
        raise InputError(f"{name}: 不支持的文件类型（可检查 {'、'.join(SUFFIXES)}）")
    return read_bytes(data, name)


def check(source: Source, plan, document=None, diagnostics=None, sources=None) -> dict:
    """Everything the page draws for one file; a review of several (review()) gives the
    document, the findings (the comparison's among them) and the other files they point into."""
    from lintlaw.analysis.document import build_document
    from lintlaw.engine.linter import lint
    from lintlaw.render.json_format import to_dict

    if document is None:
        document = build_document(source, plan.types)  # built once: for the findings and the outline
        diagnostics = plan.keep(lint(source, plan.rules, document=document), source)
    findings = []
    for number, d in enumerate(diagnostics):
        record = to_dict(d, source, sources)
        record.update(id=number, start=d.start, end=d.end)  # the page's own: an id, and offsets to highlight
        findings.append(record)
    return {
        "name": source.path,
        "editable": source.editable,
        "encoding": source.encoding,
        "findings": findings,
        "segments": segments(source.text, diagnostics),
        "reports": [_report(document, report, diagnostics) for report in document.reports],
    }


def review(uploads: list[tuple[str, bytes]], plan_for) -> dict:
    """Several files checked together, as `lintlaw check --format html` checks them: the
    summary table's rows (lintlaw/render/reports.py), and each file as check() gives it, the
    comparison findings among its own. Names must differ: findings name files by them."""
    import heapq

    from lintlaw.analysis.digest import digest
    from lintlaw.analysis.document import build_document
    from lintlaw.desk import Desk, reports
    from lintlaw.engine.comparing import compare, digest_chars, readings_of
    from lintlaw.engine.linter import lint
    from lintlaw.render.reports import summaries

    seen = set()
    for name, _ in uploads:
        if name in seen:
            raise InputError(f"{name}: 同名的文件上传了两次：请改名后再一起检查")
        seen.add(name)
    sources = [load(data, name) for name, data in uploads]
    plans = {source.path: plan_for(source.path) for source in sources}
    documents, own, digests = {}, {}, []
    for source in sources:
        plan = plans[source.path]
        document = documents[source.path] = build_document(source, plan.types)
        own[source.path] = plan.keep(lint(source, plan.rules, document=document), source)
        if source.text.strip():
            chars = digest_chars(plan.rules) or 0
            digests += [digest(document, report, chars) for report in document.reports]
    texts = {source.path: source.text for source in sources}
    found, outcome = compare(digests, texts.__getitem__, lambda path: plans[path].rules, frozenset(),
                             readings_of(plan.types for plan in plans.values()))
    by_path = {source.path: source for source in sources}
    added: dict[str, list] = {}
    for d in found:
        added.setdefault(d.path, []).append(d)
    every = {path: list(heapq.merge(own[path], plans[path].keep(added.get(path, []), by_path[path]),
                                    key=lambda d: (d.start, d.code, d.end)))
             for path in own}
    rules = list({rule.code: rule for plan in plans.values() for rule in plan.rules}.values())
    rows, _ = summaries(reports(Desk(digests=digests, outcome=outcome)),
                        [d for findings in every.values() for d in findings], rules)
    return {"summary": [row.record() for row in rows],
            "files": [check(source, plans[source.path], documents[source.path], every[source.path], by_path)
                      for source in sources]}


def segments(text: str, diagnostics) -> list[dict]:
    """The text cut at every finding's start and end: [{"s": offset, "t": text, "ids": [...]}].

    Offsets count characters (code points), as lintlaw does; the page never has to
    convert them to JavaScript's UTF-16 indices. A finding with an empty span (a missing
    mark) gets an empty segment of its own, drawn as a caret.
    """
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    carets: dict[int, list[int]] = {}
    for i, d in enumerate(diagnostics):
        if d.start == d.end:
            carets.setdefault(d.start, []).append(i)
        else:
            starting.setdefault(d.start, []).append(i)
            ending.setdefault(d.end, []).append(i)
    cuts = sorted({0, len(text), *starting, *ending, *carets})
    active: set[int] = set()
    out = []
    for start, end in zip(cuts, cuts[1:] + [None]):
        active.difference_update(ending.get(start, ()))
        active.update(starting.get(start, ()))
        if start in carets:
            out.append({"s": start, "t": "", "ids": carets[start]})
        if end is not None and end > start:
            out.append({"s": start, "t": text[start:end], "ids": sorted(active)})
    return out


def _report(document, report, diagnostics) -> dict:
    source = document.source
    at = {}
    for i, d in enumerate(diagnostics):
        at.setdefault(d.start, []).append(i)
    year, where, line = report.dating
    return {
        "title": "".join(report.title.text.splitlines()) if report.title else "（无标题）",
        "line": source.position(report.title.start)[0] if report.title else None,
        "start": report.title.start if report.title else 0,
        "year": year,
        "year_from": None if year is None or where == "标题" else f"{where}第{source.position(line.start)[0]}行",
        "issuer": report.issuer,
        "findings": at.get(report.anchor.start, []) if report.anchor else [],
        "sections": [_section(source, section, at) for section in report.sections],
        "rates": rate_checks(document, report),
    }


def _section(source, section, at) -> dict:
    heading = section.heading
    return {
        "marker": section.marker.raw,
        "title": section.title,
        "line": source.position(heading.start)[0],
        "start": heading.start,
        "findings": at.get(heading.marker.start, []),  # numbering breaks sit on the marker
        "children": [_section(source, child, at) for child in section.children],
    }


def rate_checks(document, report) -> list[dict]:
    """The rate checks of `lintlaw tree --facts`, one dict per rate: status ok | bad | unchecked."""
    from lintlaw.analysis.consistency import analysis_of

    source = document.source
    out = []
    for check in analysis_of(document).rates:
        rate = check.rate
        if rate.sentence.report is not report:
            continue
        item = {"line": source.position(rate.quantity.start)[0], "start": rate.quantity.start,
                "rate": rate.cue + rate.quantity.text}
        if check.matched:
            part, whole = check.matched
            value = 100 * part.quantity.value / whole.quantity.value
            tried = [w.quantity.text for w in check.wholes if w is not whole]
            item.update(status="ok", detail=f"✓ {part.quantity.text}÷{whole.quantity.text}＝{value:.3f}%"
                        + (f"（另试过 {'、'.join(tried)}）" if tried else ""))
        elif check.checkable:
            item.update(status="bad", detail="✗ 与本句任何分子、分母之比都不符")
        elif check.parts:
            item.update(status="unchecked",
                        detail=f"未核对：有分子 {check.parts[0].quantity.text}，本句没有可作分母的数字")
        else:
            item.update(status="unchecked", detail="未核对：本句没有与比率名称对应的分子")
        out.append(item)
    return out


def fix(source: Source, plan, chosen: list[int]) -> dict:
    """Apply the chosen unsafe fixes (ids of check()'s findings), then the safe fixes in
    rounds, as `lintlaw check --fix` does. With no unsafe fix chosen the bytes are those
    `check --fix` writes for the same file: Source.encode of the fixed text, or the
    original bytes when nothing changed."""
    from lintlaw.engine.fixing import apply_edits, choose, fix_source
    from lintlaw.engine.linter import lint
    from lintlaw.runner import has_mojibake, unified_diff

    if not source.editable:
        raise InputError(f"{source.path}: Word 文档和网页不能自动修复，只报告问题")
    types = plan.types
    current, fixed, edits = source, 0, 0
    if chosen:
        found = plan.keep(lint(source, plan.rules, types), source)
        picked = [found[i] for i in sorted(set(chosen)) if 0 <= i < len(found) and found[i].fix]
        taken = choose(source, picked, unsafe=True)
        changes = [edit for d in taken for edit in d.fix.edits]
        current = source.with_text(apply_edits(source.text, changes))
        fixed, edits = len(taken), len(changes)
    result = fix_source(current, plan.rules, False, types, plan.keep)
    fixed, edits = fixed + result.fixed, edits + result.edits
    if has_mojibake(source, types):  # whatever rules are selected, as check --fix
        raise InputError(f"{source.path}: 有乱码（R003），文件编码可能识别错了，不自动修复；确认编码后用 --encoding 指定")
    changed = result.source.text != source.text
    data = source.encode(result.source.text) if changed else source.origin.data
    return {
        "name": source.path,
        "fixed": fixed,
        "edits": edits,
        "remaining": len(result.remaining),
        "diff": unified_diff(source, result.source),
        "data": base64.b64encode(data).decode("ascii"),
    }


def rule_info(rules, code: str) -> dict | None:
    """One rule's documentation, as `lintlaw rule CODE` prints it."""
    from lintlaw.render.rule_doc import render

    for rule in rules:
        if code in (rule.code, rule.name):
            return {"code": rule.code, "name": rule.name, "category": rule.category,
                    "severity": rule.severity.label, "explanation": rule.explanation,
                    "authority": rule.authority, "text": render(rule)}
    return None
