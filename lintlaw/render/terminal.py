"""The rich console every terminal format prints through."""

from __future__ import annotations

import sys


def console():
    from rich.console import Console

    # Piped output is not cut to 80 columns: findings and tree labels stay whole.
    width = None if sys.stdout.isatty() else 1000
    return Console(highlight=False, soft_wrap=True, width=width)
