#!/usr/bin/env python3
"""Regenerate the expected lkml-json of every fixture in valid/ with the Python `lkml` oracle.

For each `valid/NAME.lkml` this writes `valid/NAME.lkml.json` containing

    json.dumps(lkml.load(text), indent=2, ensure_ascii=False) + "\n"

except for the fixtures listed in MANUAL, whose JSON is written by hand (lkml cannot
parse them, or parses them differently from Looker) and is never overwritten.

Usage (needs lkml 1.3.7, e.g. `python3 -m venv /tmp/venv && /tmp/venv/bin/pip install lkml==1.3.7`):

    /tmp/venv/bin/python Tests/LookMLSyntaxTests/Fixtures/regenerate_expected.py [--check]

With --check nothing is written; the exit status is 1 if any JSON file is missing or stale.
"""

import json
import pathlib
import sys

import lkml

VALID = pathlib.Path(__file__).resolve().parent / "valid"

# Fixture -> why its JSON is hand-written. The hand-written JSON is what lkml.load() would
# return if it accepted the input the way Looker does (same pluralisation, `name` last, raw values).
MANUAL = {
    "bom.lkml": "lkml keeps U+FEFF as part of the first key ('\\ufeffview' instead of 'views')",
    "crlf_line_endings.lkml": "lkml does not treat \\r as whitespace and raises SyntaxError",
    "stray_colon_after_brace.lkml": "lkml raises SyntaxError on Looker's tolerated '{:'",
}


def oracle(text: str) -> str:
    return json.dumps(lkml.load(text), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = 0
    for source in sorted(VALID.glob("*.lkml")):
        target = source.with_name(source.name + ".json")
        # Decode the bytes ourselves so that \r\n and a byte-order mark reach lkml untouched.
        text = source.read_bytes().decode("utf-8")
        if source.name in MANUAL:
            try:
                differs = oracle(text) != (target.read_text(encoding="utf-8") if target.exists() else None)
                oracle_says = "oracle output differs" if differs else "oracle now agrees; consider removing from MANUAL"
            except Exception as error:  # lkml raises SyntaxError, KeyError, ...
                oracle_says = f"oracle fails: {type(error).__name__}"
            if not target.exists():
                stale += 1
                print(f"MISSING   {target.name} (manual: write it by hand)")
            else:
                print(f"manual    {target.name} ({oracle_says})")
            continue
        expected = oracle(text)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current == expected:
            print(f"unchanged {target.name}")
            continue
        stale += 1
        action = "created" if current is None else "updated"
        if check:
            print(f"STALE     {target.name} (would be {action})")
        else:
            with open(target, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(expected)
            print(f"{action:9} {target.name}")
    for orphan in sorted(VALID.glob("*.lkml.json")):
        if not orphan.with_suffix("").exists():
            print(f"orphan    {orphan.name} (no matching .lkml)")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
