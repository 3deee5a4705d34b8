"""Finding the reports under a directory, as ruff finds sources: what git ignores is
skipped, and so are virtual environments, node_modules, __pycache__ and hidden
files and folders, which never hold a report of one's own.

Ignore rules come from git itself (`git ls-files --cached --others
--exclude-standard`), not from a re-implementation: nested .gitignore files,
negations, .git/info/exclude and the user's global excludes then mean exactly
what they mean to git, git never descends into an ignored folder, and one
process answers for the whole tree. Outside a git repository, or without git,
only the fixed skips apply.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})


def files_under(directory: Path, suffixes: tuple[str, ...], respect_ignore: bool = True) -> list[Path]:
    """The files with one of `suffixes` under a directory, sorted."""
    listed = _git_listed(directory) if respect_ignore else None
    if listed is None:
        found = _walked(directory)
    else:
        found = []
        for relative in listed:
            # A repository inside this one (untracked: "x/"; a submodule: "x") has its own rules.
            if relative.endswith("/") or (not relative.lower().endswith(suffixes)
                                          and (directory / relative).is_dir()):
                found.extend(p.relative_to(directory) for p in
                             files_under(directory / relative, suffixes, respect_ignore))
            else:
                found.append(Path(relative))
    skipped: dict[Path, bool] = {}
    return sorted(directory / relative for relative in found
                  if relative.suffix.lower() in suffixes and not relative.name.startswith(".")
                  and not any(_skipped(directory, parent, skipped) for parent in relative.parents
                              if parent != Path("."))
                  and (directory / relative).is_file())


def _skipped(top: Path, relative: Path, cache: dict[Path, bool]) -> bool:
    """Whether a folder (relative to `top`) is one never to look into."""
    if relative not in cache:
        name = relative.name
        cache[relative] = (name.startswith(".") or name in SKIPPED_DIRECTORIES
                           or (top / relative / "pyvenv.cfg").is_file())
    return cache[relative]


def _walked(directory: Path) -> list[Path]:
    """Every file under a directory, relative to it, not entering skipped folders or symlinked ones."""
    found = []
    for root, folders, files in os.walk(directory):
        here = Path(root).relative_to(directory)
        folders[:] = [f for f in folders if not (f.startswith(".") or f in SKIPPED_DIRECTORIES
                                                 or (Path(root) / f / "pyvenv.cfg").is_file())]
        found.extend(here / name for name in files)
    return found


def _git_listed(directory: Path) -> list[str] | None:
    """Tracked and untracked-but-not-ignored paths under a directory, relative to it;
    None when the directory is not in a git work tree or git is not available."""
    try:
        result = subprocess.run(
            ["git", "-C", str(directory), "ls-files", "--cached", "--others", "--exclude-standard", "-z",
             "--", "."],
            capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return sorted({name for name in os.fsdecode(result.stdout).split("\0") if name})
