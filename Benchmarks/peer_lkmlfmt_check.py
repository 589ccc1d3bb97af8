#!/usr/bin/env python3
"""Peer for `lookml fmt --check`: run lkmlfmt's formatter on every *.lkml file under DIR, write nothing.

    python peer_lkmlfmt_check.py DIR [--quiet]

This is what `lkmlfmt --check DIR` does (lkmlfmt.fmt on each file, compare with the input), minus
printing a unified diff for every changed file, so the timing is the formatter's own cost. One
process, files in sorted order. Exit status as in check mode: 0 when every file is already
formatted, 1 when some file would change, 2 when lkmlfmt fails on a file (the failures are listed).
"""

from __future__ import annotations

import argparse
import sys
import time
from importlib.metadata import version
from pathlib import Path

from lkmlfmt import fmt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--quiet", action="store_true", help="no summary line")
    args = parser.parse_args()
    if not args.dir.is_dir():
        parser.error(f"{args.dir} is not a directory")

    started = time.perf_counter()
    files = sorted(args.dir.rglob("*.lkml"))
    total = 0
    changed = 0
    failures: list[tuple[Path, str]] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        try:
            # fmt(lkml, clickhouse, plugins): the same call the lkmlfmt CLI makes.
            if fmt(text, False, []) != text:
                changed += 1
        except Exception as error:  # lark and sqlfmt raise several types; report them all
            failures.append((path, f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"))
    elapsed = time.perf_counter() - started

    for path, message in failures:
        print(f"{path}: {message}", file=sys.stderr)
    if not args.quiet:
        print(f"lkmlfmt {version('lkmlfmt')}: {len(files)} files, {total} bytes, {changed} would change, "
              f"{len(failures)} failed, {elapsed:.2f} s", file=sys.stderr)
    if failures:
        return 2
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
