"""Running the comparison rules (kind `comparison`) over the reports of a run.

Where a file is read (in a worker, with --jobs), each report becomes a digest
(lintlaw/analysis/digest.py); once every file is read, `compare` turns the comparison of all
digests (lintlaw/analysis/comparison.py) into findings, each by its file's own rules: a file
whose configuration ignores a comparison rule gets none of its findings, and its severities
are the file's.
"""

from __future__ import annotations

from collections.abc import Callable

from lintlaw.diagnostics import Diagnostic

KIND = "comparison"
PARAGRAPH_PROBLEMS = ("copied", "shared")


def comparison_rules(rules) -> list:
    return [rule for rule in rules if rule.kind.name == KIND]


def digest_chars(rules) -> int | None:
    """What each report's digest must hold for these rules: None, no digest; 0, who and when
    only; else the shortest paragraph (normalised characters) worth keeping. A paragraph found
    in another holds at least `similarity` per cent of the shortest one compared."""
    chosen = comparison_rules(rules)
    if not chosen:
        return None
    sizes = [rule.kind.min_chars * rule.kind.similarity // 100 for rule in chosen
             if rule.kind.problem in PARAGRAPH_PROBLEMS]
    return max(1, min(sizes)) if sizes else 0


def settings_of(rules):
    """The comparison's thresholds, from the first rule of each problem among `rules`."""
    from lintlaw.analysis.comparison import Settings

    values = {}
    for rule in comparison_rules(rules):
        kind = rule.kind
        if kind.problem in PARAGRAPH_PROBLEMS:
            values.setdefault(f"{kind.problem}_chars", kind.min_chars)
            values.setdefault(f"{kind.problem}_similarity", kind.similarity)
            values.setdefault("boilerplate_share", kind.boilerplate_share)
            values.setdefault("boilerplate_min_reports", kind.boilerplate_min_reports)
    return Settings(**values)


def compare(digests: list, text_of: Callable[[str], str], rules_of: Callable[[str], list],
            reference: frozenset[str] = frozenset(), readings: dict | None = None):
    """The comparison findings of a run, sorted by file (in the digests' order) and place, and
    the comparison's outcome (copied characters and last year's report, per digest).

    `rules_of(path)` gives a file's rules; `text_of(path)` its text (read again only for the
    paragraphs the keys pair); files in `reference` (--previous) get no finding; `readings`
    (readings_of) says how each report type's paragraphs were read."""
    from lintlaw.analysis.comparison import compare as run

    everyone = {}
    for path in dict.fromkeys(d.path for d in digests):
        if path not in reference:
            for rule in comparison_rules(rules_of(path)):
                everyone.setdefault(rule.kind.problem, rule)
    outcome = run(digests, text_of, frozenset(everyone), settings_of(list(everyone.values())), reference,
                  readings)
    order = {path: n for n, path in enumerate(dict.fromkeys(d.path for d in digests))}
    found = []
    chosen: dict[str, dict] = {}  # per file: its comparison rules by problem
    for item in outcome.findings:
        if item.path not in chosen:
            chosen[item.path] = {r.kind.problem: r for r in reversed(comparison_rules(rules_of(item.path)))}
        rule = chosen[item.path].get(item.issue.check)
        if rule is None:
            continue
        issue = item.issue
        found.append(Diagnostic(code=rule.code, name=rule.name, category=rule.category, severity=rule.severity,
                                message=rule.render_message(issue.values), path=item.path,
                                start=issue.start, end=issue.end, related=issue.related))
    found.sort(key=lambda d: (order[d.path], d.start, d.code, d.end))
    return list(dict.fromkeys(found)), outcome


def compare_sources(sources: list, rules, types=None, previous: list = ()) -> list[Diagnostic]:
    """The comparison findings among some texts (rule examples, tests, `lintlaw serve`):
    `previous` are read for comparison only, as --previous files are."""
    from lintlaw.analysis.digest import digest
    from lintlaw.analysis.document import build_document

    chars = digest_chars(rules)
    if chars is None:
        return []
    everything = [*sources, *previous]
    digests = [digest(document, report, chars)
               for source in everything if source.text.strip()
               for document in (build_document(source, types),) for report in document.reports]
    texts = {source.path: source.text for source in everything}
    if types is None:
        from lintlaw.analysis.report_types import builtin_types

        types = builtin_types()
    found, _ = compare(digests, texts.__getitem__, lambda path: rules,
                       frozenset(source.path for source in previous), readings_of([types]))
    return found


def readings_of(all_types) -> dict:
    """How each report type's paragraphs are read for comparing, from ReportTypes of the run's plans."""
    return {report_type.name: report_type.reading for types in all_types for report_type in types.types}


EXAMPLE_NAMES = ("本年.txt", "上年.txt", "其他{n}.txt")  # the files a comparison rule's examples are read as


def example_sources(example) -> tuple[list, list]:
    """A comparison rule's example as files: (the report and the other issuers' reports, last
    year's report). Its findings are those in the first file."""
    from lintlaw.text.source import decode

    this, last, other = EXAMPLE_NAMES
    sources = [decode(example.encode("utf-8"), this)]
    sources += [decode(text.encode("utf-8"), other.format(n=n)) for n, text in enumerate(example.others, 1)]
    previous = [decode(example.previous.encode("utf-8"), last)] if example.previous is not None else []
    return sources, previous
