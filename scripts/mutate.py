#!/usr/bin/env python
"""A small mutation tester for lintlaw's analysis and engine modules.

Each mutant changes one token of one module (a comparison, a boolean or
arithmetic operator, a number, True/False, a `not`, a `break`); the module's
fast test subset then runs on a copy of the repository with that one change.
A mutant is *killed* when a test fails (or the run times out), and *survives*
when every test passes. The score is killed / all mutants.

Why not mutmut: mutmut 3 copies the project into mutants/ and rewrites every
function into a trampoline, which needs a src-style layout and its own pytest
plug-in; this layout (rules/ and grammar/ beside the package, a corpus in
../shared) is simpler to copy as it is.

    python scripts/mutate.py                      # all modules, 2 workers
    python scripts/mutate.py chronology fixing    # some modules
    python scripts/mutate.py --budget 900 --jobs 2 --survivors
"""

from __future__ import annotations

import argparse
import io
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tokenize
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The fast test subset per module: the tests that exercise it directly, its
# boundary tests, the rules' own examples, and the corpus golden file.
COMMON = ["tests/test_boundaries.py", "tests/test_rule_examples.py", "tests/test_corpus_golden.py"]
MODULES = {
    "consistency": ["tests/test_consistency.py", "tests/test_numbers_in_the_wild.py",
                    "tests/test_quantities.py"],
    "chronology": ["tests/test_dates.py", "tests/test_number_and_date_rules.py",
                   "tests/test_reports.py", "tests/test_numbers_in_the_wild.py",
                   "tests/test_government_information.py", "tests/test_report_types.py"],
    "numbering": ["tests/test_structure.py", "tests/test_outline.py", "tests/test_fixes.py"],
    "fixing": ["tests/test_fixes.py", "tests/test_pair_fixes.py", "tests/test_boundaries.py",
               "tests/test_suppression.py"],
    "document": ["tests/test_reports.py", "tests/test_structure.py", "tests/test_markdown.py",
                 "tests/test_page_debris.py", "tests/test_report_types.py",
                 "tests/test_government_information.py", "tests/test_tables.py",
                 "tests/test_table_rules.py"],
    "page": ["tests/test_page_debris.py", "tests/test_reports.py", "tests/test_structure.py"],
    "baseline": ["tests/test_cli.py", "tests/test_config.py"],
    "table_reading": ["tests/test_tables.py"],
}

def module_path(module: str, root: Path = ROOT) -> Path:
    """lintlaw/<layer>/<module>.py: module names are unique across the layers."""
    (path,) = (root / "lintlaw").glob(f"*/{module}.py")
    return path


SWAPS = {
    "<": "<=", "<=": "<", ">": ">=", ">=": ">", "==": "!=", "!=": "==",
    "+": "-", "-": "+", "*": "/", "//": "*", "%": "*",
    "and": "or", "or": "and", "True": "False", "False": "True",
    "break": "continue", "continue": "break", "is": "is not", "in": "not in",
}


@dataclass(frozen=True)
class Mutant:
    module: str
    line: int
    col: int
    old: str
    new: str

    def apply(self, text: str) -> str:
        lines = text.splitlines(keepends=True)
        line = lines[self.line - 1]
        assert line[self.col:self.col + len(self.old)] == self.old
        lines[self.line - 1] = line[:self.col] + self.new + line[self.col + len(self.old):]
        return "".join(lines)

    def __str__(self) -> str:
        return f"{module_path(self.module).relative_to(ROOT)}:{self.line}:{self.col + 1}: {self.old!r} -> {self.new!r}"


def mutants_of(module: str) -> list[Mutant]:
    text = module_path(module).read_text(encoding="utf-8")
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    found = []
    for i, tok in enumerate(tokens):
        (line, col), value = tok.start, tok.string
        before = tokens[i - 1].string if i else ""
        after = tokens[i + 1].string if i + 1 < len(tokens) else ""
        if tok.type == tokenize.OP or tok.type == tokenize.NAME:
            if value == "in" and before == "not" or value == "is" and after == "not":
                continue
            if value == "in" and _in_for_header(tokens, i):
                continue  # `for x in xs`: not a membership test
            if value in ("*", "-") and before in ("(", ",", "=", "[", "return", "in", ":", "lambda"):
                continue  # unary minus, *args
            if value == "not" and after != "in":
                found.append(Mutant(module, line, col, "not ", ""))
                continue
            if value in SWAPS and not (value == "*" and before in ("(", ",")):
                found.append(Mutant(module, line, col, value, SWAPS[value]))
        elif tok.type == tokenize.NUMBER and "." not in value and "j" not in value:
            try:
                number = int(value, 0)
            except ValueError:
                continue
            found.append(Mutant(module, line, col, value, str(number + 1)))
    # `not ` is four characters only when followed by one space: check the text.
    lines = text.splitlines(keepends=True)
    return [m for m in found if lines[m.line - 1][m.col:m.col + len(m.old)] == m.old]


def _in_for_header(tokens, i: int) -> bool:
    """Whether token i (`in`) belongs to a `for` clause on the same logical line."""
    depth = 0
    for tok in reversed(tokens[:i]):
        if tok.type in (tokenize.NEWLINE, tokenize.NL) and depth == 0 and tok.string != "":
            return False
        if tok.string in ")]}":
            depth += 1
        elif tok.string in "([{":
            if depth == 0:
                return False
            depth -= 1
        elif tok.string == "for" and depth == 0:
            return True
        elif tok.string in ("if", "in", "and", "or", "not") and depth == 0:
            return False
    return False


def make_copy(base: Path) -> Path:
    """A copy of the repository at base/repo, with ../shared pointing at the real corpus."""
    repo = base / "repo"
    for name in ("lintlaw", "rules", "grammar", "tests", "scripts", "examples"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    shutil.copy(ROOT / "pyproject.toml", repo / "pyproject.toml")
    # Property tests: the same examples every run, no example database, and no
    # deadline (two workers on two cores make timings meaningless).
    with open(repo / "tests" / "conftest.py", "a", encoding="utf-8") as conftest:
        conftest.write("\n\nfrom hypothesis import settings as _settings\n"
                       "_settings.register_profile('mutation', deadline=None, derandomize=True, database=None)\n"
                       "_settings.load_profile('mutation')\n")
    shared = ROOT.parent / "shared"
    if shared.is_dir():
        (base / "shared").symlink_to(shared)
    return repo


def run_tests(repo: Path, tests: list[str], timeout: float, show: bool = False) -> str:
    env = dict(os.environ, PYTHONPATH=str(repo), PYTHONDONTWRITEBYTECODE="1",
               LINTLAW_NO_CACHE="1")
    tests = [name for name in tests if (repo / name).exists()]  # an older tree may lack some
    # A timing test is no judge of a mutant: two workers on two cores slow everything.
    timing = ["--deselect", "tests/test_fixes.py::test_choosing_among_many_fixes_is_not_quadratic"]
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
                               *timing, *tests], cwd=repo, env=env, timeout=timeout,
                              stdout=None if show else subprocess.DEVNULL,
                              stderr=None if show else subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        if show:
            print(f"timed out after {timeout} s", file=sys.stderr)
        return "timeout"
    return "survived" if done.returncode == 0 else "killed"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=[m for m in MODULES if m != "baseline"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--budget", type=float, default=3600, help="seconds for the whole run")
    parser.add_argument("--timeout", type=float, default=120, help="seconds per mutant")
    parser.add_argument("--sample", type=int, default=1, metavar="N",
                        help="run every Nth mutant of each module (a repeatable sample)")
    parser.add_argument("--only", type=Path, metavar="FILE",
                        help="run only the mutants listed in FILE (lines as --survivors prints them)")
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    args = parser.parse_args(argv)
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s): {', '.join(unknown)}; known: {', '.join(MODULES)}")

    # Round robin over the modules, so that a run cut short by the budget
    # still gives every module a fair sample.
    per_module = [mutants_of(module)[::args.sample] for module in args.modules]
    work = [m for group in itertools.zip_longest(*per_module) for m in group if m]
    if args.only:
        listed = set(args.only.read_text(encoding="utf-8").split("\n"))
        work = [m for m in work if f"survived: {m}" in listed or str(m) in listed]
    if args.list:
        print("\n".join(map(str, work)))
        return 0
    deadline = time.monotonic() + args.budget
    results: dict[Mutant, str] = {}
    with tempfile.TemporaryDirectory(prefix="lintlaw-mutate-") as tmp:
        copies = []
        for n in range(args.jobs):
            base = Path(tmp) / f"w{n}"
            base.mkdir()
            copies.append(make_copy(base))
        # The suite must pass unmutated, or every mutant would look killed.
        for module in args.modules:
            if run_tests(copies[0], MODULES[module] + COMMON, args.timeout * 3, show=True) != "survived":
                print(f"the test subset of {module} fails without any mutation", file=sys.stderr)
                return 2
        free = list(copies)

        def one(mutant: Mutant) -> None:
            if time.monotonic() > deadline:
                return
            repo = free.pop()
            try:
                target = repo / module_path(mutant.module).relative_to(ROOT)
                original = target.read_text(encoding="utf-8")
                target.write_text(mutant.apply(original), encoding="utf-8")
                try:
                    results[mutant] = run_tests(repo, MODULES[mutant.module] + COMMON, args.timeout)
                finally:
                    target.write_text(original, encoding="utf-8")
                if results[mutant] == "survived":
                    print(f"survived: {mutant}", flush=True)
            finally:
                free.append(repo)

        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(one, work))

    print()
    print(f"{'module':<12} {'mutants':>7} {'run':>5} {'killed':>6} {'score':>6}")  # run: sampled, in budget
    for module in args.modules:
        ran = [m for m in work if m.module == module and m in results]
        total = len(mutants_of(module))
        killed = sum(results[m] != "survived" for m in ran)
        score = f"{100 * killed / len(ran):.1f}%" if ran else "-"
        print(f"{module:<12} {total:>7} {len(ran):>5} {killed:>6} {score:>6}")
    if args.survivors:
        for mutant in work:
            if results.get(mutant) == "survived":
                print(f"survived: {mutant}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
