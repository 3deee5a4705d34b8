"""Reports compared with last year's report of the same issuer and with the other issuers'
reports of the run (issue 22), over their digests (lintlaw/analysis/digest.py).

Reports are grouped by issuer, type and year; the files of one group that hold the same report
(a .docx and its .txt) are compared once, and what is found is reported in each. A report's
last year is its issuer's group of the year before, else the one report given with --previous
that fits it.

- carry-over: this year's 上年结转 row against last year's 结转下年度继续办理, column by column;
- in-force: 现行有效件数 of 规章 and 行政规范性文件 against last year's + 本年制发 − 本年废止;
- copied: a paragraph of this year's report found in last year's;
- shared: a paragraph found in another issuer's report.

A paragraph is "found" in another when, after normalising (digits, years and punctuation do
not count), at least `similarity` per cent of its 5-grams occur in one paragraph of the other
report, and it has at least `min_chars` characters; identical ones are said so. Boilerplate is
never reported: the format's own sentences and the stock phrases of policy language are not
even read (format-sentences and stock-phrases of the report type), and clauses or whole
paragraphs found in more than `boilerplate_share` of the run's reports of a type (counting
each group once, from `boilerplate_min_reports` reports of the type) are taken out of a
paragraph before it is compared.

Scale: nothing compares all pairs. Paragraphs meet through their keys (the CRC of each clause
and of the whole paragraph): a year's pair of reports through a dictionary of last year's keys;
other issuers through one index of every key, sorted in buckets (no Python object per key). Only
the pairs of paragraphs that share at least half of a paragraph's keys are read again and
compared exactly, 5-gram by 5-gram.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from lintlaw.analysis.digest import Reading, ReportDigest, clause_key, paragraph_clauses
from lintlaw.analysis.issue import Issue
from lintlaw.analysis.table_checks import number

SHINGLE = 5  # characters of a shingle: "≥ 90% of its character 5-grams"
_BUCKET_BITS = 8
_READ_AT_ONCE = 256  # paragraphs read again kept at a time (their 5-gram sets are large)
_PID_BITS = 31  # a paragraph's number in the run: up to two billion
_WHOLE = 1 << _PID_BITS  # marks the entry of a whole-paragraph key
# A clause found in more reports than this proposes no pairs of paragraphs (only a whole
# paragraph found identical does): its pairs would grow with the square of its reports.
PAIRING_REPORTS = 32
IDENTICAL = 101  # a likeness above any share: the two paragraphs are the same (normalised)
REQUEST_COLUMNS = ("natural-person", "business", "research", "public-interest", "legal-services",
                   "other-organisation")


@dataclass(frozen=True)
class Settings:
    """The comparison's thresholds (the comparison rules' options)."""

    copied_chars: int = 60
    copied_similarity: int = 90  # per cent of a paragraph's 5-grams
    shared_chars: int = 60
    shared_similarity: int = 90
    boilerplate_share: float = 1 / 3
    boilerplate_min_reports: int = 6


@dataclass
class Found:
    """One finding of the comparison: in which file, which check, and the issue."""

    path: str
    issue: Issue
    report: int  # the report's place among the digests


@dataclass
class Outcome:
    findings: list[Found] = field(default_factory=list)
    # Per digest (its place in the list): characters of its paragraphs found in last year's
    # report, and the file of that report; None where no last year's report was compared.
    copied: dict[int, int] = field(default_factory=dict)
    last_year: dict[int, int] = field(default_factory=dict)


def compare(digests: list[ReportDigest], text_of: Callable[[str], str], checks: frozenset[str],
            settings: Settings = Settings(), reference: frozenset[str] = frozenset(),
            readings: dict[str, Reading] | None = None) -> Outcome:
    """Compare the reports of a run. `checks` names those to run (carry-over, in-force, copied,
    shared); `text_of(path)` gives a file's text; files in `reference` (--previous) are compared
    with but get no finding; `readings` says, per report type, how its paragraphs are read
    (ReportType.reading: as they were digested)."""
    return _Run(digests, text_of, checks, settings, reference, readings or {}).outcome()


class _Run:
    def __init__(self, digests, text_of, checks, settings: Settings, reference, readings):
        self.digests = digests
        self.text_of = text_of
        self.checks = checks
        self.settings = settings
        self.reference = reference
        self.readings = readings
        # Identical reports of one group: the first stands for the others.
        self.copies: dict[int, list[int]] = {}
        first: dict[tuple, int] = {}
        for i, d in enumerate(digests):
            if not d.compared:
                continue
            content = (d.group, bytes(d.whole), tuple(sorted((k, v[0]) for k, v in d.cells.items())))
            self.copies.setdefault(first.setdefault(content, i), []).append(i)
        self.kept = list(self.copies)  # the reports compared
        self._references = [i for i in self.kept if digests[i].path in reference]
        self.groups: dict[tuple, list[int]] = {}
        for i in self.kept:
            self.groups.setdefault(digests[i].group, []).append(i)
        self.frequent: dict[str, set[int]] = {}  # per type: keys of the run's boilerplate
        self._texts: dict[str, str] = {}
        self._read: dict[tuple[int, int], tuple[str, frozenset]] = {}

    # ---------------------------------------------------------------- which reports meet

    def last_year(self, i: int) -> int | None:
        """The report i is compared with: its issuer's report of the year before (of several
        such files, the one of the same file name, else the first), else the one --previous
        report that fits it (of its type, and of the year before when both years are known)."""
        d = self.digests[i]
        if d.year is not None and d.issuer is not None:
            found = self.groups.get((d.issuer, d.type_name, d.year - 1))
            if found:
                named = [j for j in found if _file_name(self.digests[j].path) == _file_name(d.path)]
                return (named or found)[0]
        fitting = [j for j in self._references if j != i and self.digests[j].type_name == d.type_name
                   and (d.year is None or self.digests[j].year is None or self.digests[j].year == d.year - 1)
                   and d.path not in self.reference]
        same = [j for j in fitting if self.digests[j].issuer == d.issuer]
        if len(same) == 1 or len(fitting) == 1:
            return (same or fitting)[0]
        return None

    def outcome(self) -> Outcome:
        result = Outcome()
        runs = self._index() if {"copied", "shared"} & self.checks else []
        for i in self.kept:
            d = self.digests[i]
            if d.path in self.reference:
                continue
            last = self.last_year(i)
            if last is None:
                continue
            for member in self.copies[i]:
                result.last_year[member] = last
            found = []
            if "carry-over" in self.checks:
                found += carry_over(d, self.digests[last])
            if "in-force" in self.checks:
                found += in_force(d, self.digests[last])
            if "copied" in self.checks:
                copied = self._copied(i, last)
                found += copied
                for member in self.copies[i]:
                    result.copied[member] = sum(issue.end - issue.start for _, issue in copied)
            result.findings += self._fan_out(i, found)
        if "shared" in self.checks:
            for i, issues in self._shared(runs):
                result.findings += self._fan_out(i, issues)
        return result

    def _fan_out(self, i: int, found: list[tuple[int | None, Issue]]) -> list[Found]:
        """Each finding of a report, in every file holding that report (by paragraph or cell)."""
        out = []
        d = self.digests[i]
        for member in self.copies[i]:
            m = self.digests[member]
            if m.path in self.reference:
                continue
            for paragraph, issue in found:
                if member != i:
                    if paragraph is None:
                        key = next(k for k, v in d.cells.items() if v[1] == issue.start)
                        start, end = m.cells[key][1:3]
                    else:
                        start, end = m.starts[paragraph], m.ends[paragraph]
                    issue = issue._replace(start=start, end=end)
                out.append(Found(m.path, issue, member))
        return out

    # ---------------------------------------------------------------- the index of keys

    def _index(self) -> list[tuple[int, list[tuple[int, int, bool]]]]:
        """One pass over every key of the run: learns the boilerplate (keys found in more than
        boilerplate_share of a type's groups) and returns the keys other issuers share, with
        their holders (report, paragraph, whether the whole paragraph's key)."""
        count: dict[str, int] = {}
        group_of: dict[int, int] = {}
        for place, (group, members) in enumerate(self.groups.items()):
            count[group[1]] = count.get(group[1], 0) + 1
            for i in members:
                group_of[i] = place
        learning = {t: self.settings.boilerplate_share * n for t, n in count.items()
                    if n >= self.settings.boilerplate_min_reports}
        shared = []
        # A key of one issuer's reports matters only when it is in enough reports to be boilerplate.
        few = int(min(learning.values(), default=len(self.digests)))
        for key, holders in self._key_runs(few):
            by_type: dict[str, list[tuple[int, int, bool]]] = {}
            for holder in holders:
                by_type.setdefault(self.digests[holder[0]].type_name, []).append(holder)
            for type_name, members in by_type.items():
                if type_name in learning and len({group_of[r] for r, _, _ in members}) > learning[type_name] + 1e-9:
                    self.frequent.setdefault(type_name, set()).add(key)
                elif "shared" in self.checks and len({self.digests[r].issuer for r, _, _ in members}) > 1:
                    shared.append((key, members))
        return shared

    def _key_runs(self, few: int) -> Iterator[tuple[int, list[tuple[int, int, bool]]]]:
        """Every key held by paragraphs of more than one report, but those held by at most
        `few` paragraphs of one issuer's reports (its years' copies): a sort in buckets of packed
        integers (key, whole-paragraph mark, paragraph number), not a dictionary of keys."""
        issuers: dict = {}
        issuer_of = {i: issuers.setdefault(self.digests[i].issuer, len(issuers)) for i in self.kept}
        owners = array("i")  # paragraph number in the run -> report
        numbers = array("i")  # paragraph number in the run -> number in its report
        mask = (1 << _BUCKET_BITS) - 1
        buckets = [array("Q") for _ in range(mask + 1)]
        for i in self.kept:
            d = self.digests[i]
            for p in range(d.paragraphs):
                pid = len(owners)
                owners.append(i)
                numbers.append(p)
                whole = d.whole[p] & 0xFFFFFFFF
                buckets[whole & mask].append(whole << 32 | _WHOLE | pid)
                for key in set(d.clause_keys(p)):
                    buckets[key & mask].append(key << 32 | pid)
        for b in range(len(buckets)):
            entries = sorted(buckets[b])
            buckets[b] = None  # the sorted list replaces it
            n, j = len(entries), 0
            while j < n:
                key = entries[j] >> 32
                k = j + 1
                while k < n and entries[k] >> 32 == key:
                    k += 1
                if k - j > 1:
                    pids = [e & (_WHOLE - 1) for e in entries[j:k]]
                    issuer = issuer_of[owners[pids[0]]]
                    if k - j <= few and all(issuer_of[owners[pid]] == issuer for pid in pids):
                        j = k
                        continue
                    if len({owners[pid] for pid in pids}) > 1:
                        yield key, [(owners[pid], numbers[pid], bool(e & _WHOLE))
                                    for pid, e in zip(pids, entries[j:k])]
                j = k

    # ---------------------------------------------------------------- reading paragraphs again

    def _text(self, path: str) -> str:
        if path not in self._texts:
            if len(self._texts) >= 8:
                self._texts.pop(next(iter(self._texts)))
            self._texts[path] = self.text_of(path)
        return self._texts[path]

    def _paragraph(self, i: int, p: int) -> tuple[str, frozenset]:
        """A paragraph's normalised text without the run's boilerplate, and the 5-grams of its
        whole normalised text."""
        if (i, p) not in self._read:
            if len(self._read) >= _READ_AT_ONCE:
                self._read.clear()
            d = self.digests[i]
            found = paragraph_clauses(self._text(d.path), d.starts[p], d.ends[p],
                                      self.readings.get(d.type_name, Reading()))
            frequent = self.frequent.get(d.type_name, ())
            own = "".join(c for c in found if clause_key(c) not in frequent) if frequent else "".join(found)
            self._read[(i, p)] = (own, shingles("".join(found)))
        return self._read[(i, p)]

    def _own_chars(self, i: int, p: int) -> int:
        """Characters of a paragraph that are not the run's boilerplate (from its digest alone)."""
        d = self.digests[i]
        frequent = self.frequent.get(d.type_name, ())
        return sum(n for key, n in zip(d.clause_keys(p), d.clause_chars(p)) if key not in frequent)

    def _likeness(self, i: int, p: int, j: int, q: int, min_chars: int) -> int | None:
        """Per cent of paragraph p of report i (without boilerplate) found in paragraph q of
        report j, 5-gram by 5-gram; IDENTICAL when the two are the same; None when p's own words
        are fewer than min_chars. Two paragraphs with the same key are the same without reading them."""
        if self._own_chars(i, p) < min_chars:
            return None
        if self.digests[i].whole[p] == self.digests[j].whole[q]:
            return IDENTICAL
        own, _ = self._paragraph(i, p)
        other_own, other_shingles = self._paragraph(j, q)
        if own == other_own:
            return IDENTICAL
        mine = shingles(own)
        return math.floor(100 * len(mine & other_shingles) / len(mine))

    def _is_boilerplate(self, i: int, p: int) -> bool:
        d = self.digests[i]
        return d.whole[p] & 0xFFFFFFFF in self.frequent.get(d.type_name, ())

    def _own_keys(self, i: int, p: int) -> set[int]:
        d = self.digests[i]
        frequent = self.frequent.get(d.type_name, ())
        return {key for key in d.clause_keys(p) if key not in frequent}

    # ---------------------------------------------------------------- copied from last year

    def _copied(self, i: int, last: int) -> list[tuple[int, Issue]]:
        """Paragraphs of report i found in report `last`: candidates through a dictionary of
        last year's keys (its whole paragraphs and its clauses)."""
        this, before = self.digests[i], self.digests[last]
        limit, min_chars = self.settings.copied_similarity, self.settings.copied_chars
        self._read.clear()  # a new pair of reports
        where: dict[int, list[int]] = {}
        same: dict[int, int] = {}  # last year's paragraphs by their whole key: the first of each
        for q in range(before.paragraphs):
            if self._is_boilerplate(last, q):
                continue
            same.setdefault(before.whole[q], q)
            for key in self._own_keys(last, q) | {before.whole[q]}:
                where.setdefault(key, []).append(q)
        found = []
        for p in range(this.paragraphs):
            if self._is_boilerplate(i, p):
                continue
            if this.whole[p] in same and self._own_chars(i, p) >= min_chars:  # the same paragraph
                found.append((p, self._copy(this, p, before, same[this.whole[p]], IDENTICAL)))
                continue
            keys = self._own_keys(i, p)
            counts: dict[int, int] = {q: len(keys) for q in where.get(this.whole[p], ())}
            for key in keys:
                for q in where.get(key, ()):
                    counts[q] = counts.get(q, 0) + 1
            best = None
            for q, shared in sorted(counts.items()):
                if 2 * shared < len(keys):
                    continue
                likeness = self._likeness(i, p, last, q, min_chars)
                if likeness is not None and likeness >= limit and (best is None or likeness > best[1]):
                    best = (q, likeness)
            if best is not None:
                found.append((p, self._copy(this, p, before, *best)))
        return found

    @staticmethod
    def _copy(this: ReportDigest, p: int, before: ReportDigest, q: int, likeness: int) -> Issue:
        return Issue("copied", this.starts[p], this.ends[p], {
            "other": before.path, "place": before.place(q), "likeness": likeness_words(likeness)},
            related=((before.starts[q], before.ends[q], "上年报告的段落", before.path),))

    # ---------------------------------------------------------------- shared with other issuers

    def _shared(self, runs) -> Iterator[tuple[int, list[tuple[int, Issue]]]]:
        """Paragraphs found in another issuer's report: candidates are the pairs of paragraphs
        of different issuers that share keys; a key in more than PAIRING_REPORTS reports pairs
        only paragraphs that are the same whole."""
        pairs: dict[tuple[int, int, int, int], int] = {}
        alike: list[list[tuple[int, int]]] = []
        for key, members in runs:
            if key in self.frequent.get(self.digests[members[0][0]].type_name, ()):
                continue
            if len({r for r, _, _ in members}) > PAIRING_REPORTS:
                if all(whole for _, _, whole in members):
                    alike.append([(r, p) for r, p, _ in members])
                continue
            for a in range(len(members)):
                ra, pa, _ = members[a]
                for rb, pb, _ in members[a + 1:]:
                    if self.digests[ra].issuer != self.digests[rb].issuer:
                        pair = (ra, pa, rb, pb) if (ra, pa) < (rb, pb) else (rb, pb, ra, pa)
                        pairs[pair] = pairs.get(pair, 0) + 1
        limit, min_chars = self.settings.shared_similarity, self.settings.shared_chars
        matches: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
        issuers: dict[tuple[int, int], set] = {}

        def match(i, p, j, q) -> None:
            likeness = self._likeness(i, p, j, q, min_chars)
            if likeness is not None and likeness >= limit:
                matches.setdefault((i, p), []).append((j, q, likeness))
                issuers.setdefault((i, p), set()).add(self.digests[j].issuer)

        for (ra, pa, rb, pb), shared in sorted(pairs.items()):
            for i, p, j, q in ((ra, pa, rb, pb), (rb, pb, ra, pa)):
                if (self.digests[i].path not in self.reference and not self._is_boilerplate(i, p)
                        and 2 * shared >= len(self._own_keys(i, p)) + 1):
                    match(i, p, j, q)
        for members in alike:  # the same paragraph in many reports: each named once, with the count
            for i, p in members:
                if self.digests[i].path in self.reference or self._is_boilerplate(i, p):
                    continue
                others = [(j, q) for j, q in members if self.digests[j].issuer != self.digests[i].issuer]
                match(i, p, *others[0])
                if (i, p) in issuers:
                    issuers[(i, p)].update(self.digests[j].issuer for j, _ in others)
        by_report: dict[int, list[tuple[int, Issue]]] = {}
        for (i, p), found in sorted(matches.items()):
            d = self.digests[i]
            j, q, likeness = min(found, key=lambda o: (-o[2], o[0], o[1]))
            other = self.digests[j]
            more = len(issuers[(i, p)]) - 1
            by_report.setdefault(i, []).append((p, Issue("shared", d.starts[p], d.ends[p], {
                "issuer": other.issuer, "other": other.path, "place": other.place(q),
                "likeness": likeness_words(likeness), "more": f"；另有{more}个单位的报告也有此段" if more else ""},
                related=((other.starts[q], other.ends[q], f"{other.issuer}报告的段落", other.path),))))
        yield from sorted(by_report.items())


def _file_name(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def shingles(text: str) -> frozenset:
    """The text's 5-grams (the whole text when it is shorter)."""
    if len(text) <= SHINGLE:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[k:k + SHINGLE] for k in range(len(text) - SHINGLE + 1))


def likeness_words(likeness: int) -> str:
    """How alike two paragraphs are, as a message says it."""
    return "相同" if likeness == IDENTICAL else f"{likeness}%相同"


# ---------------------------------------------------------------- the tables, year over year

def carry_over(this: ReportDigest, before: ReportDigest) -> list[tuple[None, Issue]]:
    """This year's 上年结转 against last year's 结转下年度继续办理, per applicant column; 总计
    only when no applicant column differs (else it repeats the difference)."""
    found = []
    for column in (*REQUEST_COLUMNS, "total"):
        if column == "total" and found:
            break
        now = this.cells.get(("requests", "carried-over", column))
        then = before.cells.get(("requests", "carried-forward", column))
        if now is None or then is None or Decimal(now[0]) == Decimal(then[0]):
            continue
        found.append((None, Issue("carry-over", now[1], now[2], {
            "column": now[5], "this": now[0], "last": then[0], "other": before.path, "place": then[3]},
            related=((then[1], then[2], "上年报告的结转下年度继续办理", before.path),))))
    return found


def in_force(this: ReportDigest, before: ReportDigest) -> list[tuple[None, Issue]]:
    """现行有效件数 of 规章 and 行政规范性文件 against last year's + 本年制发 − 本年废止."""
    found = []
    for row in ("rules", "normative-documents"):
        now = this.cells.get(("active", row, "in-force"))
        issued = this.cells.get(("active", row, "issued"))
        repealed = this.cells.get(("active", row, "repealed"))
        then = before.cells.get(("active", row, "in-force"))
        if None in (now, issued, repealed, then):
            continue
        expected = Decimal(then[0]) + Decimal(issued[0]) - Decimal(repealed[0])
        if Decimal(now[0]) == expected:
            continue
        found.append((None, Issue("in-force", now[1], now[2], {
            "row": now[4], "this": now[0], "last": then[0], "issued": issued[0], "repealed": repealed[0],
            "expected": number(expected), "other": before.path, "place": then[3]},
            related=((then[1], then[2], "上年报告的现行有效件数", before.path),
                     (issued[1], issued[2], "本年制发件数"), (repealed[1], repealed[2], "本年废止件数")))))
    return found
