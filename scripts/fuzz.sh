#!/usr/bin/env bash
# Runs a libFuzzer target for a given time: scripts/fuzz.sh parser|yaml|sql|project [SECONDS] [extra libFuzzer flags...]
# Builds with -sanitize=fuzzer,address into .build/fuzz/, seeds the corpus with the repository's fixtures, and
# keeps the corpus and any crash in .build/fuzz/<target>/. A crash is a bug: add it as a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-parser}
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
work=.build/fuzz/$target
mkdir -p "$work/src" "$work/corpus" "$work/crashes"

case $target in
parser)
    sources=(Sources/LookMLSyntax/*.swift Sources/LookMLFormat/*.swift Fuzz/ParserFuzzer.swift)
    seeds=$(find Tests -name '*.lkml') ;;
yaml)
    sources=(Sources/YAMLSupport/*.swift Fuzz/YAMLFuzzer.swift)
    seeds=$(find Tests blocks -name '*.lookml' -o -name '*.yaml' -o -name '*.yml') ;;
project)
    sources=(Sources/LookMLSyntax/*.swift Sources/YAMLSupport/*.swift Sources/NameSuggestions/*.swift Sources/LookMLProject/*.swift
             Sources/LookMLLint/*.swift Sources/LookMLLint/Rules/*.swift Fuzz/ProjectFuzzer.swift)
    seeds=$(find Tests -name '*.lkml' -o -name '*.lookml') ;;
sql)
    sources=(Sources/SQLDialect/*.swift Sources/SQLDialect/Dialects/*.swift Sources/NameSuggestions/*.swift Fuzz/SQLFuzzer.swift)
    seeds=$(find Tests/SQLDialectTests -name '*.sql') ;;
*)
    echo "usage: scripts/fuzz.sh parser|yaml|sql|project [SECONDS] [libFuzzer flags]" >&2; exit 2 ;;
esac

# One module: copy the sources without the imports of the project's own modules.
rm -f "$work"/src/*.swift
for file in "${sources[@]}"; do
    sed -E '/^(@_exported )?import (LookMLSyntax|LookMLFormat|YAMLSupport|NameSuggestions|SQLDialect|LookMLProject|LookMLLint)$/d' "$file" > "$work/src/$(basename "$(dirname "$file")")_$(basename "$file")"
done
flags=(-O -sanitize=fuzzer,address -parse-as-library -module-name Fuzz)
if [[ $target == yaml || $target == project ]]; then
    flags+=(-I Sources/CYAML -Xcc -fmodule-map-file=Sources/CYAML/module.modulemap -lyaml)
fi
echo "building $work/fuzzer" >&2
swiftc "${flags[@]}" "$work"/src/*.swift -o "$work/fuzzer"

for seed in $seeds; do cp -n "$seed" "$work/corpus/" 2>/dev/null || true; done
echo "fuzzing $target for ${seconds}s" >&2
"$work/fuzzer" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$work/crashes/" -print_final_stats=1 "$@"
