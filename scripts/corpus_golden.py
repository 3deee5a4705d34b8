"""Every finding lintlaw gives on ../shared/corpus, as a golden file for the suite.

    python scripts/corpus_golden.py            # compare with tests/golden/corpus-findings.txt
    python scripts/corpus_golden.py --update   # rewrite it after a change you have reviewed

A line per finding: file, start and end position, code, and a short hash of the
message (the messages quote the reports, which are not copied into the project).
A refactoring must leave the file unchanged; a rule change shows up as a diff to read.
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
GOLDEN = ROOT / "tests" / "golden" / "corpus-findings.txt"


def corpus_files() -> list[Path]:
    return sorted([*CORPUS.glob("*.txt"), *(CORPUS / "web").glob("*.txt")])


def findings_lines() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from lintlaw.engine.linter import lint
    from lintlaw.engine.ruleset import load_rules
    from lintlaw.text.source import read_file

    rules = load_rules()
    lines = []
    for path in corpus_files():
        source = read_file(path)
        name = path.relative_to(CORPUS).as_posix()
        for d in lint(source, rules):
            (line, column), (end_line, end_column) = source.position(d.start), source.position(d.end)
            digest = f"{zlib.crc32(d.message.encode('utf-8')):08x}"
            lines.append(f"{name}:{line}:{column}-{end_line}:{end_column} {d.code} {digest}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the golden file")
    args = parser.parse_args()
    current = findings_lines()
    if args.update:
        GOLDEN.write_text("\n".join(current) + "\n", encoding="utf-8")
        print(f"{GOLDEN.relative_to(ROOT)}: {len(current)} findings")
        return 0
    expected = GOLDEN.read_text(encoding="utf-8").splitlines()
    if current == expected:
        print(f"unchanged: {len(current)} findings")
        return 0
    import difflib

    sys.stdout.writelines(line + "\n" for line in difflib.unified_diff(expected, current, "golden", "now",
                                                                        lineterm=""))
    return 1


if __name__ == "__main__":
    sys.exit(main())
