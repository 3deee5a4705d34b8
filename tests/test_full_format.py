"""The default (full) format: the frame of each finding, colours as the environment asks,
and every character of the report shown as it is."""

import pytest
from typer.testing import CliRunner

from lintlaw.cli import app
from lintlaw.render.full import colours_for

# Whatever the machine running the tests has set, each test says what it wants.
QUIET = {"FORCE_COLOR": None, "NO_COLOR": None, "TTY_COMPATIBLE": None, "TERM": "xterm-256color",
         "COLORTERM": None}
MESSAGE = "表示“到某时为止”应写“截至”，不是“截止”"


def check(path, **env):
    result = CliRunner().invoke(app, ["check", "--select", "W001", str(path)], env={**QUIET, **env})
    assert result.exit_code == 0
    return result.stdout


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("截止目前\t全县完成。\\\n", encoding="utf-8")
    return path


def test_plain_frame_keeps_tabs_at_their_stops_and_backslashes(report):
    assert check(report).splitlines()[:7] == [
        f"{report}:1:1: W001 警告 {MESSAGE}",
        "  |",
        "1 | 截止目前    全县完成。\\",  # the tab reaches column 16; the closing backslash stays one
        "  | ^^^^",
        "  = 修复：将“截止”改为“截至”（--fix）",
        "  = cutoff-for-as-of：lintlaw rule W001 查看说明",
        "",
    ]


def test_colours_when_forced(report):
    assert check(report, FORCE_COLOR="1").splitlines()[:6] == [
        f"\x1b[1m{report}:1:1:\x1b[0m \x1b[1;33mW001\x1b[0m \x1b[1;33m警告\x1b[0m {MESSAGE}",
        "\x1b[34m  |\x1b[0m",
        "\x1b[34m1 |\x1b[0m 截止目前    全县完成。\\",
        "\x1b[34m  |\x1b[0m \x1b[1;33m^^^^\x1b[0m",
        "\x1b[32m  = 修复：将“截止”改为“截至”（--fix）\x1b[0m",
        "\x1b[2m  = cutoff-for-as-of：lintlaw rule W001 查看说明\x1b[0m",
    ]


def test_no_color_keeps_bold_and_dim_only(report):
    assert check(report, FORCE_COLOR="1", NO_COLOR="1").splitlines()[:6] == [
        f"\x1b[1m{report}:1:1:\x1b[0m \x1b[1mW001\x1b[0m \x1b[1m警告\x1b[0m {MESSAGE}",
        "  |",
        "1 | 截止目前    全县完成。\\",
        "  | \x1b[1m^^^^\x1b[0m",
        "  = 修复：将“截止”改为“截至”（--fix）",
        "\x1b[2m  = cutoff-for-as-of：lintlaw rule W001 查看说明\x1b[0m",
    ]


def test_a_dumb_terminal_gets_no_codes(report):
    assert "\x1b" not in check(report, FORCE_COLOR="1", TERM="dumb")


def test_line_100_is_a_number_not_an_emoji_code(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("正文。\n" * 99 + "截止目前:smile:\n", encoding="utf-8")
    out = check(path).splitlines()
    assert out[0] == f"{path}:100:1: W001 警告 {MESSAGE}"
    assert out[2] == "100 | 截止目前:smile:"


class Stream:
    def __init__(self, tty: bool):
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("tty, env, expected", [
    (True, {}, "colours"),
    (False, {}, None),
    (False, {"FORCE_COLOR": "1"}, "colours"),
    (True, {"FORCE_COLOR": ""}, None),  # set but empty: not a terminal
    (True, {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"}, None),
    (False, {"TTY_COMPATIBLE": "1"}, "colours"),
    (True, {"TTY_COMPATIBLE": "2"}, "colours"),  # any other value: ask the stream
    (True, {"TERM": "dumb"}, None),
    (True, {"TERM": "UNKNOWN"}, None),
    (True, {"NO_COLOR": "1"}, "attributes"),
    (True, {"NO_COLOR": ""}, "colours"),
    (False, {"NO_COLOR": "1"}, None),
])
def test_when_colours_are_used(tty, env, expected):
    assert colours_for(Stream(tty), {"TERM": "xterm", **env}) == expected


# Issue 20 P1: the frame of a finding on a very long line costs what it costs on a short one.

def _finding_at(start, end):
    from lintlaw.diagnostics import Diagnostic, Severity

    return Diagnostic("W001", "n", "wording", Severity.WARNING, "m", "t.txt", start, end)


def test_the_frame_of_a_finding_on_a_long_line_is_a_window():
    from lintlaw.render.full import frame

    from .helpers import source_of

    source = source_of("标题\n" + "甲" * 500_000 + "截止目前" + "乙" * 500_000 + "\n")
    at = 3 + 500_000
    gutter, shown, carets = frame(source, _finding_at(at, at + 2))
    assert gutter == "2"
    assert shown == "…" + "甲" * 8 + "截止目前" + "乙" * 24 + "…"  # 16 cells before, 72 in all
    assert carets == " " * 17 + "^^^^"


def test_a_span_longer_than_the_frame_is_cut():
    from lintlaw.render.full import SPAN_CELLS, frame

    from .helpers import source_of

    source = source_of("甲" * 1000 + "\n")
    _, shown, carets = frame(source, _finding_at(10, 900))
    assert shown == "…" + "甲" * 8 + "甲" * (SPAN_CELLS // 2 - 8) + "…"
    assert carets == " " * 17 + "^" * (SPAN_CELLS - 16)


def test_the_frame_reads_only_its_window_of_the_line():
    import tracemalloc

    from lintlaw.render.full import frame

    from .helpers import source_of

    source = source_of("截止目前" + "甲" * 1_000_000 + "\n")
    source.line_starts  # the line index is built once per file, not per finding
    tracemalloc.start()
    frame(source, _finding_at(0, 2))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 50_000  # a copy of the line would be 2 MB
