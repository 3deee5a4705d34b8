"""Checking many files, one at a time or in worker processes, in a fixed order.

Each file's work (read, lint or fix, write back) happens in check_file; the
parent only prints. Results come back in the order the files were given, so the
output does not depend on --jobs.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lintlaw.errors import LintlawError, WriteError
from lintlaw.io.inputs import STDIN, load
from lintlaw.text.source import Source


@dataclass(frozen=True)
class Options:
    encoding: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    stdin_filename: str | None = None  # the name standard input is read and reported as
    baseline: object = None  # lintlaw.io.suppression.Baseline: its findings are neither shown nor fixed
    review: object = None  # lintlaw.review.Request: the documents that get a reviewed copy, and how
    # Called on each outcome where the file was checked (in the worker, with --jobs), with
    # the file's plan: it may replace the findings and the text by what the parent needs
    # of them (their output, their counts), so that little crosses between processes.
    digest: Callable[[FileOutcome, Plan], FileOutcome] | None = None
    # Each report's digest for comparing reports (lintlaw/analysis/digest.py), made where the
    # file is read: None, none; 0, who and when only; n, also its paragraphs of n characters or more.
    summarise: int | None = None
    issuer: str | None = None  # --issuer: the issuer of the reports of the one file checked


@dataclass(frozen=True)
class Plan:
    """What to run on one file: its rules and the settings they came from."""

    rules: list
    settings: object  # lintlaw.io.config.Settings
    types: object = None  # lintlaw.analysis.report_types.ReportTypes, with the configuration's report-type
    reference: bool = False  # --previous: read to compare the others with; not linted, fixed or reported

    def keep(self, diagnostics: list, source: Source) -> list:
        """Drop the findings the configuration suppresses by fingerprint (no baseline: `serve`)."""
        from lintlaw.io.suppression import FindingFilter

        return FindingFilter(self.settings).keep(diagnostics, source)


@dataclass
class FileOutcome:
    name: str
    source: Source | None = None  # the text the findings refer to (after fixing)
    diagnostics: list = field(default_factory=list)
    path: str | None = None  # the name findings carry (source.path), None when not read
    error: str | None = None  # a one-line input error, for stderr
    fixed: int = 0
    edits: int = 0
    diff: str = ""  # unified diff (--diff)
    stdout_bytes: bytes | None = None  # fixed standard input, for stdout
    note: str | None = None  # a one-line remark for stderr that is not an error
    written: str | None = None  # the line for stderr that says a reviewed copy was written
    unwritten: bool = False  # the error is a fix that could not be written back (the file is as it was)
    empty: bool = False  # the file holds nothing but white space
    unfinished: int = 0  # findings --fix could still fix when it ran out of rounds
    stale: list = field(default_factory=list)  # baseline entries for this file that matched no finding
    # Set by a digest (Options.digest), which then drops source and diagnostics:
    rendered: str | None = None  # the findings in the output format
    counts: object = None  # lintlaw.render.summary.Counts of the findings
    failing: bool = False  # a finding at or above the --fail-on level
    digests: list = field(default_factory=list)  # its reports' ReportDigests (Options.summarise)
    packed: object = None  # its text, compressed, when a digest dropped the source (lintlaw.text.source.Packed)
    reference: bool = False  # read for comparison only (--previous)
    document: object = field(default=None, repr=False)  # the document linted, until the digests are made


# Why --fix leaves a file it cannot write alone, by reader (a Word document's fixes go to
# its reviewed copy instead).
NOT_FIXED = {"html": "网页不能自动修复，只报告问题",
             "pdf": "PDF 文件不能自动修复，只报告问题（请在原文档中修改；--annotate 可写出带批注的 PDF 副本）"}


def check_file(name: str, plan: Plan, options: Options) -> FileOutcome:
    origin = None
    try:
        source = load(name, options.encoding, options.stdin_filename)
        # The bytes as read matter only to write-back: outcomes carry the text alone.
        origin, source.origin = source.origin, None
        if plan.reference:
            outcome = FileOutcome(name, source, reference=True)
        else:
            outcome = _check_loaded(name, source, origin, plan, options)
        if source.warnings:  # pages a PDF reader could not read: say so beside any other note
            outcome.note = "；".join([*source.warnings, *([outcome.note] if outcome.note else [])])
        outcome.empty = not source.text.strip()
        outcome.path = source.path
        if options.summarise is not None and not outcome.empty:
            outcome.digests = _digests(outcome, plan, options)
        outcome.document = None
        return options.digest(outcome, plan) if options.digest else outcome
    except WriteError as err:
        return FileOutcome(name, error=str(err), unwritten=True)
    except LintlawError as err:
        outcome = FileOutcome(name, error=str(err))
        if name == STDIN and options.fix and not options.diff:
            # A filter never swallows its input: not when it cannot be read, nor when a rule fails.
            outcome.stdout_bytes = origin.data if origin is not None else getattr(err, "data", None)
        return outcome


def _digests(outcome: FileOutcome, plan: Plan, options: Options) -> list:
    """The digests of the file's reports, as checked (after any fix): from the document linted
    when there was one."""
    from lintlaw.analysis.digest import digest

    document = outcome.document or _document(outcome.source, plan, options)
    return [digest(document, report, options.summarise) for report in document.reports]


def _document(source: Source, plan: Plan, options: Options):
    """The document of a source, with the --issuer given."""
    from lintlaw.analysis.document import build_document

    return build_document(source, plan.types, options.issuer)


def _check_loaded(name: str, source: Source, origin, plan: Plan, options: Options) -> FileOutcome:
    from lintlaw.io.suppression import FindingFilter

    # One filter for everything below: what it drops is not fixed, reported or counted.
    shown = FindingFilter(plan.settings, options.baseline)
    outcome = _checked(name, source, origin, plan, options, shown.keep)
    outcome.stale = shown.stale
    return outcome


def _checked(name: str, source: Source, origin, plan: Plan, options: Options, keep) -> FileOutcome:
    from lintlaw.engine.linter import lint

    types = plan.types
    if options.review is not None and (name in options.review.copies or (
            source.revisable and (options.fix or options.diff))):
        return _reviewed(name, source, origin, plan, options, keep)
    if (options.fix or options.diff) and not source.editable:
        outcome = FileOutcome(name, source, keep(lint(source, plan.rules, types), source))
        outcome.note = f"{source.path}: {NOT_FIXED.get(source.reader, NOT_FIXED['html'])}"
        if name == STDIN and not options.diff:
            outcome.stdout_bytes = origin.data  # a filter passes what it cannot fix on unchanged
        return outcome
    if not (options.fix or options.diff):
        # Built here when the file's reports are digested too, so that it is built once.
        document = _document(source, plan, options) if options.summarise is not None else None
        outcome = FileOutcome(name, source, keep(lint(source, plan.rules, types, document), source))
        outcome.document = document
        return outcome
    from lintlaw.engine.fixing import fix_source

    garbled = _garbled(source, origin, options.encoding, types)
    if garbled:
        # Mojibake may mean the encoding was guessed (or forced) wrong: writing the text back
        # would fix it in place. Looked for whether or not R003 is selected or suppressed.
        outcome = FileOutcome(name, source, keep(lint(source, plan.rules, types), source))
        outcome.note = garbled
        if not options.diff:
            outcome.unwritten = True  # exit 2, as for any fix that was not written back
            if name == STDIN:
                outcome.stdout_bytes = origin.data  # a filter passes the text on unchanged
        return outcome
    result = fix_source(source, plan.rules, options.unsafe_fixes, types, keep)
    outcome = FileOutcome(name, result.source, result.remaining, fixed=result.fixed, edits=result.edits)
    if result.exhausted:
        outcome.unfinished = sum(d.fix is not None and (d.fix.safe or options.unsafe_fixes) for d in result.remaining)
    if options.diff:
        outcome.diff = unified_diff(source, result.source)
    elif name == STDIN:
        # A filter: the whole text goes out, changed or not (unchanged: the very bytes read).
        outcome.stdout_bytes = source.encode(result.source.text) if result.changed else origin.data
    elif result.changed:
        from lintlaw.io.writeback import write_back

        _stop_if_orphaned()  # a worker whose run was stopped starts no further write-back
        # ... and asks again at the last moment: the parent may die while the file is written.
        write_back(name, source.encode(result.source.text), origin, before_rename=_abandon_if_orphaned)
    return outcome


def _reviewed(name: str, source: Source, origin, plan: Plan, options: Options, keep) -> FileOutcome:
    """A document fixed (--fix) or annotated (--annotate) in a reviewed copy: its fixes as
    tracked changes (a Word document's), its findings as comments (lintlaw/review/). With
    --diff, what the changes would do, as for a text file; from standard input, the copy goes
    to standard output."""
    from lintlaw.review import AUTHOR, open_document
    from lintlaw.review.plan import make_review

    request = options.review
    fix = (options.fix or options.diff) and source.revisable  # a PDF's copy carries no changes
    document = open_document(origin.data, source)
    review = make_review(source, plan.rules, plan.types, keep, fix=fix, unsafe=options.unsafe_fixes,
                         locked=document.locked() if fix else ())
    result = review.result
    outcome = FileOutcome(name, source, review.findings)
    if result is not None:
        outcome = FileOutcome(name, result.source, review.remaining, fixed=review.fixed, edits=review.changes)
    if options.diff:
        outcome.diff = unified_diff(source, result.source)
        return outcome
    data = document.write(review, request.author or plan.settings.author or AUTHOR, request.minute)
    if name == STDIN:
        outcome.stdout_bytes = data
        return outcome
    target = request.copies.get(name) or _default_copy(name)
    _stop_if_orphaned()  # a worker whose run was stopped writes nothing more
    try:
        from lintlaw.io.writeback import replacing

        with replacing(target) as stream:  # whole or not at all
            stream.write(data)
    except OSError as err:
        from lintlaw.reasons import system_reason

        raise WriteError(f"{target}: 无法写入审阅副本（{system_reason(err)}）") from None
    changes = f"{review.changes} 处修订，" if fix else ""
    outcome.written = f"已写出审阅副本：{target}（{changes}{len(review.remarks)} 条批注）"
    return outcome


def _default_copy(name: str):
    from lintlaw.review import default_copy

    return default_copy(name)


def _garbled(source: Source, origin, forced: str | None, types) -> str | None:
    """Why the text read is not to be fixed in place (mojibake), or None."""
    from lintlaw.text.source import misread_utf8

    if forced is None:
        if has_mojibake(source, types):
            return f"{source.path}: 有乱码（R003），文件编码可能识别错了，不自动修复；确认编码后用 --encoding 指定"
        return None
    if misread_utf8(origin.data, source.encoding):
        return (f"{source.path}: 按 --encoding {forced} 读出的多是乱码（文件的内容是 UTF-8 编码的），"
                "不自动修复；去掉 --encoding 或改用 --encoding utf-8")
    return None


def has_mojibake(source: Source, types=None) -> bool:
    """Whether the built-in mojibake rule (R003) finds anything, whatever rules were chosen."""
    from lintlaw.engine.linter import lint

    rule = _mojibake_rule()
    if not any(pattern.search(source.text) for pattern in rule.kind.patterns):
        return False  # the usual case, without building the document again
    return bool(lint(source, [rule], types))


def _mojibake_rule():
    global _MOJIBAKE_RULE
    if _MOJIBAKE_RULE is None:
        from lintlaw.resources import builtin_rules_dir
        from lintlaw.engine.ruleset import load_rule_file

        _MOJIBAKE_RULE = load_rule_file(builtin_rules_dir() / "residue" / "R003-mojibake.toml")
    return _MOJIBAKE_RULE


_MOJIBAKE_RULE = None


def unified_diff(before: Source, after: Source) -> str:
    import difflib

    if before.text == after.text:
        return ""
    lines = difflib.unified_diff(_lines(before.text), _lines(after.text),
                                 fromfile=before.path, tofile=before.path)
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


def _lines(text: str) -> list[str]:
    """Lines with their endings, split at \r\n, \r and \n only (str.splitlines also splits at VT, FF…)."""
    from lintlaw.text.source import LINE_BREAK

    ends = [m.end() for m in LINE_BREAK.finditer(text)]
    starts = [0, *ends]
    return [text[a:b] for a, b in zip(starts, [*ends, len(text)], strict=True) if a < b]


def default_jobs() -> int:
    return os.cpu_count() or 1


# Set in the parent before the pool forks, so workers inherit the loaded rules.
_WORKER_PLANS: dict[str, Plan] = {}
_WORKER_OPTIONS: Options | None = None
_IN_WORK = False  # in a worker: whether a file is being checked (or fixed) right now
_PARENT: int | None = None  # in a worker: the process id of the lintlaw that started it


class _Stop(BaseException):
    """Raised in a worker told to stop while it works on a file, so that cleanup
    (a half-written temporary file) runs before it exits."""


def _work(name: str) -> FileOutcome:
    global _IN_WORK
    _IN_WORK = True
    try:
        outcome = check_file(name, _WORKER_PLANS[name], _WORKER_OPTIONS)
    except _Stop:
        _exit_quietly()
    finally:
        _IN_WORK = False
    _stop_if_orphaned()  # nobody to hand the outcome to: sending it would only print a traceback
    return outcome


def _stop_if_orphaned() -> None:
    """In a worker whose parent has gone: end now, before any further work or output."""
    if _PARENT is not None and os.getppid() != _PARENT:
        _exit_quietly()


def _abandon_if_orphaned() -> None:
    """In a worker whose parent has gone, in the middle of a write-back: give the file up (the
    write-back removes its temporary file as _Stop passes), then end (see _work)."""
    if _PARENT is not None and os.getppid() != _PARENT:
        raise _Stop


def _exit_quietly() -> None:
    """End a worker at once (its standard error goes nowhere: see _start_worker)."""
    os._exit(143)


def _silence() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    except OSError:
        pass


def _start_worker(parent: int) -> None:
    """In each worker: stop on SIGTERM, leave Ctrl-C to the parent, and die with the parent.

    The parent may die without a word (SIGKILL): a watchdog thread notices that
    the worker has been handed to another parent and stops it, where fork is used
    (Linux, macOS) and without any platform call.
    """
    import signal
    import threading
    import time

    global _PARENT
    _PARENT = parent
    # A worker's standard error goes nowhere. What it has to say travels back in its
    # outcomes (input errors, notes) or as the exception of its task; what is left is a
    # traceback about the pipe to a parent that died between a file's end and the sending
    # of its outcome (SIGKILL), which would only confuse whoever reads the terminal.
    _silence()

    stopping = []

    def stop(_signum, _frame):
        if _IN_WORK and not stopping:
            stopping.append(True)
            # _Stop lets the write-back clean up; but a handler may run inside a __del__,
            # where Python swallows the exception: end the worker shortly whatever happens.
            threading.Timer(2.0, os._exit, (143,)).start()
            raise _Stop
        # A second signal (the pool's teardown repeats SIGTERM) ends the worker at once.
        _exit_quietly()

    signal.signal(signal.SIGTERM, stop)
    if hasattr(signal, "SIGHUP"):  # a closed terminal hangs up the whole group: stop as for SIGTERM
        signal.signal(signal.SIGHUP, stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal's Ctrl-C reaches the parent, which stops us

    def watch():
        # Termination signals are the main thread's: a write-back blocks them there while it
        # creates its temporary file, and a signal this thread took would run the handler in
        # the main thread all the same, leaving the file behind.
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT,
                                                     *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])})
        while os.getppid() == parent:
            time.sleep(0.2)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True).start()


def check_files(plans: dict[str, Plan], options: Options, jobs: int, done=None) -> list[FileOutcome]:
    """Outcomes in the order of `plans`, computed by up to `jobs` processes; `done()`, when
    given, is called as each file is finished (a progress bar)."""
    with contextlib.closing(iter_outcomes(plans, options, jobs, done)) as outcomes:
        return list(outcomes)


def iter_outcomes(plans: dict[str, Plan], options: Options, jobs: int, done=None) -> Iterator[FileOutcome]:
    """As check_files, one outcome at a time, each as soon as it (and those before it) is ready.

    Close the iterator when stopping early (contextlib.closing): closing it stops the workers."""
    global _WORKER_PLANS, _WORKER_OPTIONS
    names = list(plans)
    jobs = min(jobs, len(names))

    def one_by_one() -> Iterator[FileOutcome]:
        for name in names:
            outcome = check_file(name, plans[name], options)
            if done:
                done()
            yield outcome

    if jobs <= 1 or STDIN in names:
        yield from one_by_one()
        return
    # Imported here: a single file never pays for multiprocessing at start-up.
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        yield from one_by_one()
        return
    _WORKER_PLANS, _WORKER_OPTIONS = plans, options
    # Small chunks: the workers finish together (a chunk is a few files, not an eighth of them).
    chunk = min(16, max(1, len(names) // (jobs * 32)))
    # multiprocessing.Pool, not ProcessPoolExecutor: its terminate() stops workers in the
    # middle of their work, which is what Ctrl-C and SIGTERM must do.
    # Frozen while the workers fork: their collections then never walk (and so copy) the
    # pages of everything the parent loaded.
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_start_worker, initargs=(os.getpid(),))
    finally:
        gc.unfreeze()
    try:
        with _terminate_as_exit():
            for outcome in pool.imap(_work, names, chunksize=chunk):  # in order, as they finish
                if done:
                    done()
                yield outcome
    except BaseException:
        # Ctrl-C, SIGTERM, a failure, or the caller stopped early (GeneratorExit): no worker
        # may go on checking, let alone fixing.
        _stop_pool(pool, multiprocessing.active_children())
        raise
    pool.close()
    pool.join()


def _stop_pool(pool, workers) -> None:
    """SIGTERM to each worker (it cleans up and exits), then the pool's own teardown.

    Pool.terminate() can wait on a worker that died holding a queue lock; it runs in
    a helper thread for at most a few seconds, so that stopping never hangs.
    """
    import signal
    import threading

    for worker in workers:
        try:
            os.kill(worker.pid, signal.SIGTERM)
        except (OSError, TypeError):
            pass  # already gone
    for worker in workers:  # let them clean up before the teardown signals them again
        worker.join(timeout=3 / max(1, len(workers)))
    teardown = threading.Thread(target=pool.terminate, daemon=True)
    teardown.start()
    teardown.join(timeout=5)


def _terminate_as_exit():
    """While the pool runs, SIGTERM (and SIGHUP, a closed terminal) in the parent becomes
    SystemExit(128 + signal), so the workers are stopped on the way out instead of being
    left behind."""
    import contextlib
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return contextlib.nullcontext()

    def terminate(signum, _frame):
        raise SystemExit(128 + signum)

    stopping = [signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]

    @contextlib.contextmanager
    def installed():
        # An ignored signal stays ignored (nohup).
        previous = {signum: signal.signal(signum, terminate) for signum in stopping
                    if signal.getsignal(signum) is not signal.SIG_IGN}
        try:
            yield
        finally:
            for signum, handler in previous.items():
                if handler is not None:  # None: a handler not set from Python, which cannot be restored
                    signal.signal(signum, handler)

    return installed()
