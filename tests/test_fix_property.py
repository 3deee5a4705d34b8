"""--fix on random mutants of report text: nothing changes outside the edits, and no fix
raises a new finding of its own kind (issue 9)."""


import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lintlaw.errors import InputError
from lintlaw.engine.fixing import MAX_ROUNDS, apply_edits, choose, fix_source
from lintlaw.engine.linter import lint
from lintlaw.text.source import Source, decode, read_file

from .helpers import EXAMPLE, FIXTURES
from .test_cli import run

pytestmark = pytest.mark.slow  # a hypothesis search, fixing each example

# The fixtures come in several encodings.
TEXTS = [read_file(path).text for path in [*sorted(FIXTURES.glob("*.txt")), EXAMPLE]]
# What drafters and web captures typically get wrong, and what a fix may trip over.
PIECES = ["，，", "、、", "。。", ",", ";", ":", "(", ")", "（", "）", "“", "”", "《", "》", "〈", "〉", "、《",
          "截止", "法制", "学校学校", "的发挥", "1、", "2、", "(一)", "（二）", "三、", "一是", "二是", "四是",
          "1.", "12.4", "2021-2025年", "热线(12345)", "等等", "\n", "\r\n", " ", "\u3000", "\x1b", "20__年"]


@st.composite
def mutants(draw):
    text = draw(st.sampled_from(TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 3)):]
    return text


def _apply_reference(text: str, edits) -> str:
    """The text with the edits made and every other character copied, written independently."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    for previous, edit in zip(ordered, ordered[1:]):
        assert previous.end <= edit.start and previous.start != edit.start, "overlapping edits chosen"
    out, position = [], 0
    for edit in ordered:
        out += [text[position:edit.start], edit.content]
        position = edit.end
    return "".join(out) + text[position:]


def _fix_by_rounds(source: Source, rules, unsafe: bool):
    """Fix round by round as fix_source does, checking each round against the reference.

    Returns the fixed text, the codes whose fixes were applied, and the findings left
    at the end that a round raised on a line it edited with a fix of the same category:
    a code the text did not have before the round (a half-width fix leaving an
    unbalanced bracket, a marker fix breaking an 一是 sequence).
    """
    current, applied, raised = source, set(), []
    found = lint(current, rules)
    for _ in range(MAX_ROUNDS):
        chosen = choose(current, found, unsafe)
        if not chosen:
            break
        edits = [edit for d in chosen for edit in d.fix.edits]
        text = apply_edits(current.text, edits)
        assert text == _apply_reference(current.text, edits)
        applied.update(d.code for d in chosen)
        fixed = Source(path=source.path, text=text, encoding=source.encoding, bom=source.bom)
        edited = _edited_lines(fixed, chosen)
        codes_before = {d.code for d in found}
        found = lint(fixed, rules)
        raised += [(d.code, fixed.position(d.start)[0]) for d in found if d.code not in codes_before
                   and (d.category, fixed.position(d.start)[0]) in edited]
        current = fixed
    # A later round may fix what an earlier one raised (，, → ，， → ，): only what stays counts.
    remaining = {(d.code, current.position(d.start)[0]) for d in found}
    return current.text, applied, [r for r in raised if r in remaining]


def _edited_lines(fixed: Source, chosen) -> set[tuple[str, int]]:
    """(category, line in the fixed text) for every line an edit of the round touched."""
    category = {edit: d.category for d in chosen for edit in d.fix.edits}
    lines, shift = set(), 0
    for edit in sorted(category, key=lambda e: e.start):
        start = edit.start + shift
        shift += len(edit.content) - (edit.end - edit.start)
        first, last = fixed.position(start)[0], fixed.position(start + len(edit.content))[0]
        lines.update((category[edit], line) for line in range(first, last + 1))
    return lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutants(), st.booleans())
# Found by fuzzing (issue 9): S107's 1、→1. once made 一是 vanish (S110), P009 once converted
# one bracket of a pair (P001).
@example("一、主要举措\n1、一是健全规则。二是严格审查。三是加强备案。\n", False)
@example("一、主要举措\n开通热线(12345)。\n", False)
# R005 joined a line of stray marks ("，，") to the title, which then ended on a comma (R007).
@example("青山县公安局2024年度法治政府建设情况报告\n，，\n一、主要举措和成效\n", True)
def test_fix_keeps_everything_outside_its_edits(all_rules, tmp_path_factory, text, unsafe):
    try:
        source = decode(text.encode("utf-8"), "t.txt")
    except InputError:
        return
    expected, applied, raised = _fix_by_rounds(source, all_rules, unsafe)
    assert fix_source(source, all_rules, unsafe).source.text == expected
    assert raised == [], "a fix raised a finding of its own category on the line it edited"
    # No code whose fix was applied is found after fixing unless it was there before.
    before = {d.code for d in lint(source, all_rules)}
    after = {d.code for d in lint(decode(expected.encode("utf-8"), "t.txt"), all_rules)}
    assert (after - before) & applied == set()

    # Through the command line the file's bytes are exactly the fixed text's.
    path = tmp_path_factory.mktemp("fix") / "r.txt"
    path.write_bytes(text.encode("utf-8"))
    result = run("check", "--fix", *(["--unsafe-fixes"] if unsafe else []), str(path))
    assert result.exit_code in (0, 1)
    assert path.read_bytes() == expected.encode("utf-8")
