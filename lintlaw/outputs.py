"""Where `check` writes: the findings in a chosen format (to a file, stdout or stderr),
where reviewed copies go, and the refusal to overwrite a file being checked."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Optional

from lintlaw.errors import UsageError

def _stop(message: str):
    raise UsageError(message)


def review_targets(names: list[str], annotate: str | None, fix: bool, other_output: bool) -> dict[str, Path]:
    """Where each document's reviewed copy goes (lintlaw/review/), after refusing what cannot
    be done. --annotate: every input, each a kind of document that can be reviewed; --fix:
    every input whose kind carries tracked changes (text files are fixed in place). Standard
    input gets none: its copy goes to standard output."""
    from lintlaw.review import REVIEWERS, default_copy, reviewer_for

    if annotate is None:
        return _fix_copies(names) if fix and not other_output else {}
    if other_output:
        _stop("--annotate 不能与 --diff 或 --write-baseline 同用")
    _refuse_unreviewable(names)
    if annotate and len(names) > 1:
        each = " 或 ".join(f"NAME.lintlaw{r.suffix}" for r in REVIEWERS)
        _stop(f"{annotate}: 检查多个文档时不能指定一个副本文件名；省略它，每个文档各写到 {each}")
    if annotate and reviewer_for(annotate) is not reviewer_for(names[0]):
        _stop(f"{annotate}: 审阅副本须与原文件同类型（{reviewer_for(names[0]).suffix}）")
    copies = {name: Path(annotate) if annotate else default_copy(name) for name in names}
    for out in copies.values():
        refuse_overwriting_inputs(names, {"--annotate": out})
    return copies


def _fix_copies(names: list[str]) -> dict[str, Path]:
    """--fix: a reviewed copy beside each input whose kind carries tracked changes."""
    from lintlaw.io.inputs import STDIN
    from lintlaw.review import default_copy, reviewer_for

    copies = {name: default_copy(name) for name in names
              if name != STDIN and reviewer_for(name) and reviewer_for(name).tracks_changes}
    for out in copies.values():
        refuse_overwriting_inputs(names, {"--fix 的审阅副本": out})
    return copies


def _refuse_unreviewable(names: list[str]) -> None:
    """--annotate: every input must be a kind of document that can be reviewed, and not standard input."""
    from lintlaw.io.inputs import STDIN
    from lintlaw.review import kinds, reviewer_for

    for name in names:
        if name == STDIN:
            _stop(f"--annotate 只用于 {kinds(suffixes=False)}，不能用于标准输入")
        if reviewer_for(name) is None:
            _stop(f"{name}: --annotate 只用于 {kinds()}")


@contextlib.contextmanager
def output(output_file: Optional[Path], to_stderr: bool):
    """The stream the report goes to: a file, standard error, or standard output. A file is
    replaced only once the whole report is written (a full disk keeps the old one). It is
    never put in sys.stdout's place: the worker processes forked meanwhile flush sys.stdout."""
    if output_file is None:
        yield sys.stderr if to_stderr else sys.stdout
        return
    import io

    from lintlaw.io.writeback import replacing

    with replacing(output_file) as binary:
        stream = io.TextIOWrapper(binary, encoding="utf-8")
        try:
            yield stream
            stream.flush()
        finally:
            stream.detach()  # replacing() closes the file


def render(output_format: str, diagnostics, sources, rules, out, reports=None) -> None:
    """The findings in one format (its name in lintlaw/render/formats.py, as --format gives it);
    a review (html, csv) also shows `reports` (lintlaw.render.reports.Reports)."""
    from lintlaw.render.formats import FORMATS

    chosen = FORMATS[output_format]
    if chosen.items:  # an array, written item by item: "[", the items with ",\n" between, "]"
        written = False
        for item in chosen.render_items(diagnostics, sources, rules):
            out.write(",\n" if written else "[\n")
            out.writelines([item] if isinstance(item, str) else item)  # a text, or the pieces of one
            written = True
        out.write("\n]\n" if written else "[]\n")
        return
    text = chosen.render(diagnostics, sources, rules, reports)
    if text:
        print(text, file=out)


def refuse_overwriting_inputs(names, outputs: dict) -> None:
    """Stop before an output file (report, baseline) would overwrite a file being checked."""
    outputs = {option: path for option, path in outputs.items() if path is not None}
    if not outputs:
        return
    from lintlaw.io.inputs import STDIN
    from lintlaw.io.paths import file_identity

    inputs = {file_identity(name) for name in names if name != STDIN} - {None}
    for option, path in outputs.items():
        if file_identity(path) in inputs:
            _stop(f"{path}: {option} 的输出文件也是要检查的输入文件，不能覆盖它")
