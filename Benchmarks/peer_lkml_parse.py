#!/usr/bin/env python3
"""Peer for `lookml parse`: parse every *.lkml file under DIR with the Python `lkml` library.

    python peer_lkml_parse.py DIR [--quiet]

One process, files in sorted order, each read as UTF-8 and passed to `lkml.load` — the way a
user would script it. Prints a one-line summary to stderr. Exits 1 when any file fails to parse
(the failures are listed), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import sys
import time
from importlib.metadata import version
from pathlib import Path

import lkml


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
    failures: list[tuple[Path, str]] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        total += len(text.encode("utf-8"))
        try:
            lkml.load(text)
        except Exception as error:  # lkml raises SyntaxError and a few others; report them all
            failures.append((path, f"{type(error).__name__}: {error}"))
    elapsed = time.perf_counter() - started

    for path, message in failures:
        print(f"{path}: {message}", file=sys.stderr)
    if not args.quiet:
        print(f"lkml {version('lkml')}: {len(files)} files, {total} bytes, {len(failures)} failed, "
              f"{elapsed:.2f} s", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
