"""What the page shows, as JSON-ready dicts: findings, text segments, outline, rate checks, fixes.

No HTTP here (lintlaw/serve/app.py does that). Findings are the records of
`--format json` (lintlaw/render/json_format.py) plus their character offsets, so the
page shows exactly what `lintlaw check` shows.
"""

from __future__ import annotations

import base64
from collections import Counter
from pathlib import Path

from lintlaw.errors import InputError
from lintlaw.io.inputs import SUFFIXES, read_bytes
from lintlaw.render.lines import Places, line_label
from lintlaw.text.source import Source


def load(data: bytes, name: str) -> Source:
    """Read uploaded bytes as `lintlaw check --stdin-filename NAME -` reads them (by suffix).

    A bad file raises InputError with the CLI's own message."""
    if Path(name).suffix.lower() not in SUFFIXES:
        raise InputError(f"{name}: 不支持的文件类型（可检查 {'、'.join(SUFFIXES)}）")
    return read_bytes(data, name)


def check(source: Source, plan, document=None, diagnostics=None, sources=None, changes=()) -> dict:
    """Everything the page draws for one file. A review of several (review()) gives the
    document, the findings (the comparison's among them) and the other files they point
    into; a fix, the findings `check --fix` leaves and the `changes` it made (fix_marks),
    marked in place."""
    from lintlaw.analysis.document import build_document
    from lintlaw.diagnostics import CATEGORY_NAMES
    from lintlaw.engine.linter import lint

    if document is None:
        document = build_document(source, plan.types)  # built once: for the findings and the outline
    if diagnostics is None:
        diagnostics = plan.keep(lint(source, plan.rules, document=document), source)
    places = Places()
    findings = [_record(number, d, source, places, sources) for number, d in enumerate(diagnostics)]
    return {
        "name": source.path,
        "editable": source.editable,
        "revisable": source.revisable,
        "encoding": source.encoding,
        "categories": CATEGORY_NAMES,
        "findings": findings,
        "segments": segments(source.text, [_spans(d) for d in diagnostics], changes),
        "reports": [_report(document, report, diagnostics) for report in document.reports],
    }


def _record(number: int, d, source: Source, places: Places, sources=None) -> dict:
    """A finding as `--format json` gives it, with the page's own fields: an id, offsets to
    highlight, where it is as the text formats say it, how many places it stands for, and
    its words in their line (for the printed list)."""
    from lintlaw.render.excerpt import excerpt
    from lintlaw.render.json_format import to_dict
    from lintlaw.review.plan import places_of

    record = to_dict(d, source, sources)
    record.update(id=number, start=d.start, end=d.end, place=_place(places, source, d.start),
                  places=len(places_of(d)) or 1, context=excerpt(source, d.start, d.end))
    return record


def _place(places: Places, source: Source, offset: int) -> str:
    """第N段第M字（“heading”下） in a Word document, 第3页第12行 in a PDF, else 第N行第M列."""
    if source.reader == "docx" or source.layout is not None:
        return places.at(source, offset)
    line, column = source.position(offset)
    return f"第{line}行第{column}列"


def _spans(d) -> list[tuple[int, int]]:
    """What the page highlights for a finding: its words, and each place it stands for
    (every half-width mark of P008), as a reviewed Word copy marks them."""
    from lintlaw.review.plan import places_of

    return sorted({(d.start, d.end), *places_of(d)})


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


def segments(text: str, spans: list[list[tuple[int, int]]], changes=()) -> list[dict]:
    """The text cut at every highlight's and change's start and end:
    [{"s": offset, "t": text, "ids": [...]}], `spans[i]` the spans of finding i.

    Offsets count characters (code points), as lintlaw does; the page never has to
    convert them to JavaScript's UTF-16 indices. A finding with an empty span (a missing
    mark) gets an empty segment of its own, drawn as a caret. `changes` (start, end,
    deleted) mark a fix's work: text it wrote carries "ins": 1, and what it deleted is an
    empty segment {"del": deleted} where it stood."""
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    carets: dict[int, list[int]] = {}
    for i, finding in enumerate(spans):
        for start, end in finding:
            if start == end:
                carets.setdefault(start, []).append(i)
            else:
                starting.setdefault(start, []).append(i)
                ending.setdefault(end, []).append(i)
    inserted = {start: end for start, end, _ in changes if end > start}
    deleted: dict[int, str] = {}
    for start, _, gone in changes:  # two deletions side by side are one mark
        if gone:
            deleted[start] = deleted.get(start, "") + gone
    cuts = sorted({0, len(text), *starting, *ending, *carets, *inserted, *inserted.values(), *deleted})
    active: Counter = Counter()  # a finding's own words may hold one of its places
    inserting_until = -1
    out = []
    for start, end in zip(cuts, cuts[1:] + [None]):
        active.subtract(ending.get(start, ()))
        active.update(starting.get(start, ()))
        inserting_until = inserted.get(start, inserting_until)
        if start in deleted:
            out.append({"s": start, "t": "", "ids": [], "del": deleted[start]})
        if start in carets:
            out.append({"s": start, "t": "", "ids": sorted(set(carets[start]))})
        if end is not None and end > start:
            segment = {"s": start, "t": text[start:end], "ids": sorted(i for i, n in active.items() if n > 0)}
            if start < inserting_until:
                segment["ins"] = 1
            out.append(segment)
    return out


def fix_marks(before: str, revisions) -> list[tuple[int, int, str]]:
    """Revisions of `before` (lintlaw/engine/revisions.py) as the page marks them in the fixed
    text: (start, end) of the characters each wrote there, and those it deleted, character
    by character (截止 → 截至 marks 止 → 至; (一) → （一） marks the brackets, not 一)."""
    marks, shift = [], 0
    for revision in revisions:
        gone, written = before[revision.start:revision.end], revision.content
        start = revision.start + shift
        marks.extend((start + j1, start + j2, gone[i1:i2]) for _, i1, i2, j1, j2 in _differences(gone, written))
        shift += len(written) - len(gone)
    return marks


def _differences(gone: str, written: str) -> list[tuple]:
    """The opcodes of difflib that change something; one replacement for a long text (the
    comparison takes time of the product of the lengths)."""
    if not gone or not written or len(gone) * len(written) > _COMPARED:
        return [("replace", 0, len(gone), 0, len(written))]
    from difflib import SequenceMatcher

    return [op for op in SequenceMatcher(None, gone, written, autojunk=False).get_opcodes() if op[0] != "equal"]


_COMPARED = 40_000  # characters × characters of a revision compared character by character


def _report(document, report, diagnostics) -> dict:
    source = document.source
    at = {}
    for i, d in enumerate(diagnostics):
        at.setdefault(d.start, []).append(i)
    year, where, line = report.dating
    return {
        "title": "".join(report.title.text.splitlines()) if report.title else "（无标题）",
        "line": source.position(report.title.start)[0] if report.title else None,
        "place": line_label(source, report.title.start) if report.title else None,
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
        "place": line_label(source, heading.start),
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
        item = {"line": source.position(rate.quantity.start)[0], "place": line_label(source, rate.quantity.start),
                "start": rate.quantity.start,
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


def fix(source: Source, plan, chosen: list[int], every_unsafe: bool = False) -> dict:
    """Fix a file as `lintlaw check --fix` does, and check the result: for a text file the
    fixed bytes (with the chosen unsafe fixes too: `chosen`, ids of check()'s findings), for
    a Word document its reviewed copy (report.lintlaw.docx, every safe fix a tracked change;
    with `every_unsafe`, every unsafe one too, as --unsafe-fixes).
    `check` is what the page draws next: the fixed text, its findings, each change marked."""
    if source.revisable:
        return _fix_in_copy(source, plan, every_unsafe)
    if not source.editable:
        from lintlaw.runner import NOT_FIXED

        raise InputError(f"{source.path}: {NOT_FIXED.get(source.reader, NOT_FIXED['html'])}")
    return _fix_text(source, plan, chosen)


def _fix_text(source: Source, plan, chosen: list[int]) -> dict:
    """Apply the chosen unsafe fixes, then the safe fixes in rounds. With no unsafe fix chosen
    the bytes are those `check --fix` writes for the same file: Source.encode of the fixed
    text, or the original bytes when nothing changed."""
    from lintlaw.engine.fixing import apply_edits, choose, fix_source
    from lintlaw.engine.linter import lint
    from lintlaw.engine.revisions import compose
    from lintlaw.runner import has_mojibake

    types = plan.types
    current, fixed, edits, rounds = source, 0, 0, []
    if chosen:
        found = plan.keep(lint(source, plan.rules, types), source)
        picked = [found[i] for i in sorted(set(chosen)) if 0 <= i < len(found) and found[i].fix]
        taken = choose(source, picked, unsafe=True)
        changes = [edit for d in taken for edit in d.fix.edits]
        current = source.with_text(apply_edits(source.text, changes))
        fixed, edits, rounds = len(taken), len(changes), [taken]
    result = fix_source(current, plan.rules, False, types, plan.keep)
    fixed, edits = fixed + result.fixed, edits + result.edits
    if has_mojibake(source, types):  # whatever rules are selected, as check --fix
        raise InputError(f"{source.path}: 有乱码（R003），文件编码可能识别错了，不自动修复；确认编码后用 --encoding 指定")
    changed = result.source.text != source.text
    data = source.encode(result.source.text) if changed else source.origin.data
    marks = fix_marks(source.text, compose(source.text, rounds + result.rounds))
    after = load(data, source.path) if changed else source  # checked again as the file it now is
    return {"name": source.path, "fixed": fixed, "edits": edits, "remaining": len(result.remaining),
            "data": base64.b64encode(data).decode("ascii"), "check": check(after, plan, changes=marks)}


def _fix_in_copy(source: Source, plan, unsafe: bool) -> dict:
    """A Word document's safe fixes (and with `unsafe` the unsafe ones) as tracked changes in
    its reviewed copy, as `check --fix` writes it; the page shows the text accepting every
    change gives."""
    from lintlaw.review import default_copy

    data, review = reviewed(source, plan, fix=True, unsafe=unsafe)
    after = review.result.source
    marks = fix_marks(source.text, review.revisions)
    return {"name": default_copy(source.path).name, "fixed": review.fixed, "edits": review.changes,
            "remaining": len(review.remaining), "data": base64.b64encode(data).decode("ascii"),
            "check": check(after, plan, diagnostics=review.remaining, changes=marks)}


def reviewed(source: Source, plan, fix: bool = False, unsafe: bool = False):
    """(bytes, Review) of the reviewed copy `check --annotate` (or with `fix`, `check --fix`;
    with `unsafe` too, `--unsafe-fixes`) writes for a Word document or PDF, by the configured
    author."""
    from lintlaw.review import AUTHOR, reviewed_copy

    return reviewed_copy(source.origin.data, source, plan.rules, plan.types, plan.keep, fix=fix,
                         unsafe=unsafe, author=plan.settings.author or AUTHOR)


def rule_info(rules, code: str) -> dict | None:
    """One rule's documentation, as `lintlaw rule CODE` prints it."""
    from lintlaw.render.rule_doc import render

    for rule in rules:
        if code in (rule.code, rule.name):
            return {"code": rule.code, "name": rule.name, "category": rule.category,
                    "severity": rule.severity.label, "explanation": rule.explanation,
                    "authority": rule.authority, "text": render(rule)}
    return None
