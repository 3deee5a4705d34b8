"""Where `check` writes: the findings in a chosen format (to a file, stdout or stderr),
annotated Word copies, and the refusal to overwrite a file being checked."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Optional

from lintlaw.errors import LintlawError, UsageError
from lintlaw.render.visible import one_line

def _stop(message: str):
    raise UsageError(message)


# What --annotate writes, by the input's suffix: the function writing the copy ("module:function",
# (document, diagnostics, source) -> bytes) and the module saying where the copy goes.
ANNOTATORS = {".docx": ("lintlaw.annotate:annotate_docx", "lintlaw.annotate"),
              ".pdf": ("lintlaw.annotate_pdf:annotate_pdf", "lintlaw.annotate_pdf")}
ANNOTATABLE = tuple(ANNOTATORS)


def annotator(name: str):
    """The function writing the annotated copy of the document `name`, by its suffix."""
    import importlib

    target, _where = ANNOTATORS[Path(name).suffix.lower()]
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def _default_output(name: str) -> Path:
    import importlib

    return importlib.import_module(ANNOTATORS[Path(name).suffix.lower()][1]).default_output(name)


def annotation_targets(names: list[str], annotate: str | None, other_output: bool) -> dict[str, Path]:
    """Each Word document's or PDF's annotated copy (--annotate), after refusing what cannot be done."""
    if annotate is None:
        return {}
    from lintlaw.io.inputs import STDIN

    if other_output:
        _stop("--annotate 不能与 --diff 或 --write-baseline 同用")
    for name in names:
        if name == STDIN:
            _stop("--annotate 只用于 Word 文档或 PDF 文件，不能用于标准输入")
        if not name.lower().endswith(ANNOTATABLE):
            _stop(f"{name}: --annotate 只用于 Word 文档（.docx）和 PDF 文件（.pdf）")
    if annotate and len(names) > 1:
        _stop(f"{annotate}: 检查多个文档时不能指定一个副本文件名；省略它，每个文档各写到 NAME.lintlaw.docx 或 NAME.lintlaw.pdf")
    if annotate and Path(annotate).suffix.lower() != Path(names[0]).suffix.lower():
        _stop(f"{annotate}: 带批注的副本须与原文件同类型（{Path(names[0]).suffix.lower()}）")
    copies = {name: Path(annotate) if annotate else _default_output(name) for name in names}
    for out in copies.values():
        refuse_overwriting_inputs(names, {"--annotate": out})
    return copies


def write_annotated(copies: dict[str, Path], diagnostics, sources) -> int:
    """Write each checked document's annotated copy; the number that could not be written."""
    from lintlaw.annotate import write_copy

    failed = 0
    for name, out in copies.items():
        if name not in sources:  # unreadable: its error is already shown
            continue
        found = [d for d in diagnostics if d.path == name]
        try:
            write_copy(out, annotator(name)(name, found, sources[name]))
        except LintlawError as err:
            print(one_line(f"lintlaw: {err}"), file=sys.stderr)
            failed += 1
            continue
        except OSError as err:
            print(one_line(f"lintlaw: {out}: 无法写入带批注的副本（{err.strerror or err}）"), file=sys.stderr)
            failed += 1
            continue
        print(one_line(f"已写出带批注的副本：{out}（{len(found)} 条批注）"), file=sys.stderr)
    return failed


def output(output_file: Optional[Path], to_stderr: bool):
    """Where the report goes: a file, standard error, or standard output."""
    if output_file is not None:
        stream = open(output_file, "w", encoding="utf-8")  # noqa: SIM115 - closed by the context

        @contextlib.contextmanager
        def to_file():
            with stream, contextlib.redirect_stdout(stream):
                yield
        return to_file()
    return contextlib.redirect_stdout(sys.stderr) if to_stderr else contextlib.nullcontext()


def render(output_format: str, diagnostics, sources, rules, reports=None) -> None:
    """The findings in one format (its name in lintlaw/render/formats.py, as --format gives it);
    a review (html, csv) also shows `reports` (lintlaw.render.reports.Reports)."""
    from lintlaw.render.formats import FORMATS

    text = FORMATS[output_format].render(diagnostics, sources, rules, reports)
    if text:
        print(text)


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
