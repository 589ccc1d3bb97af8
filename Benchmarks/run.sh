#!/usr/bin/env bash
# Benchmarks for the lookml CLI: parse and format speed against the Python peers (lkml, lkmlfmt),
# throughput and linearity over synthetic projects of growing size, peak memory.
# See Benchmarks/README.md for what each line of the table means.
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) stops the script too
export LC_ALL=C # '.' as the decimal point in $EPOCHREALTIME and awk; byte order in sort

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/.work"
venv="$here/.venv"
peers=(lkml==1.3.7 lkmlfmt==0.0.15)

usage() {
    cat <<EOF
Usage: Benchmarks/run.sh [options]

Builds lookml in release mode, installs the Python peers (${peers[*]}) into
Benchmarks/.venv, generates synthetic projects into Benchmarks/.work/scale-N (reused while
make_project.py is unchanged), times each task (best of --runs), prints one table and writes
Benchmarks/.work/results.json.

Options:
  --quick               smaller and faster: --scales "1 2" --compare-scale 1 --runs 1 --fmt-every 20
  --scales "A B ..."    project scales for throughput and linearity (default: "1 4 16"; 1 is about 13.5 MB)
  --compare-scale N     the project both tools parse and format (default: 4, about 54 MB)
  --fmt-every K         format every K-th file of that project, with both tools (default: 10;
                        lkmlfmt runs at about 0.05 MB/s)
  --runs N              runs per measurement; the best (shortest) counts (default: 3)
  --lookml PATH         use this lookml binary instead of building one
  -h, --help            show this help
EOF
}

scales="1 4 16"
compare_scale=4
fmt_every=10
runs=3
lookml=""
while (($#)); do
    case $1 in
    --quick) scales="1 2" compare_scale=1 runs=1 fmt_every=20 ;;
    --scales) scales=${2?--scales needs a value}; shift ;;
    --compare-scale) compare_scale=${2?--compare-scale needs a value}; shift ;;
    --fmt-every) fmt_every=${2?--fmt-every needs a value}; shift ;;
    --runs) runs=${2?--runs needs a value}; shift ;;
    --lookml) lookml=${2?--lookml needs a value}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
read -r -a scale_list <<<"$scales"
((${#scale_list[@]})) || { echo "run.sh: --scales is empty" >&2; exit 2; }
for n in "${scale_list[@]}" "$compare_scale" "$fmt_every" "$runs"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: '$n' is not a positive integer" >&2; exit 2; }
done
mapfile -t scale_list < <(printf '%s\n' "${scale_list[@]}" | sort -n -u)

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: error: $*"; exit 1; }
mkdir -p "$work"

# --- 1. Build -----------------------------------------------------------------------------------
if [[ -z $lookml ]]; then
    say "== swift build -c release --product lookml"
    (cd "$root" && swift build -c release --product lookml) >&2
    lookml="$(cd "$root" && swift build -c release --show-bin-path)/lookml"
fi
[[ -x $lookml ]] || die "no lookml binary at $lookml"

# --- 2. Peers -----------------------------------------------------------------------------------
if [[ ! -x $venv/bin/python || "$(cat "$venv/.peers" 2>/dev/null)" != "${peers[*]}" ]]; then
    say "== installing ${peers[*]} into $venv"
    python3 -m venv "$venv" || die "python3 -m venv failed"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${peers[@]}" >&2 ||
        die "pip could not install ${peers[*]}"
    printf '%s\n' "${peers[*]}" >"$venv/.peers"
fi
python="$venv/bin/python"

# --- 3. Corpora ---------------------------------------------------------------------------------
generator_sha=$(sha256sum "$here/make_project.py" | cut -d' ' -f1)

# project N: print the directory of the scale-N project, generating it unless it is current.
project() {
    local dir="$work/scale-$1"
    if ! grep -qx "generator_sha256=$generator_sha" "$dir/.make_project" 2>/dev/null; then
        say "== generating the ${1}x project"
        rm -rf "$dir"
        python3 "$here/make_project.py" "$dir" --scale "$1" >&2
    fi
    printf '%s\n' "$dir"
}

# corpus_size DIR: print "bytes files" of the *.lkml files under DIR, and read them once so that every
# timed run finds them in the page cache (we measure parsing, not the disk).
corpus_size() {
    find "$1" -type f -name '*.lkml' -exec cat {} + >/dev/null
    find "$1" -type f -name '*.lkml' -printf '%s\n' | awk '{ b += $1; n++ } END { printf "%.0f %d\n", b, n }'
}

# tree_hash DIR: one hash over the paths and bytes of every file under DIR.
tree_hash() {
    (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1)
}

# subset SRC DEST K: copy every K-th *.lkml file of SRC (sorted paths) to DEST, keeping relative paths.
subset() {
    local src=$1 dest=$2 every=$3
    rm -rf "$dest"
    mkdir -p "$dest"
    (cd "$src" && find . -type f -name '*.lkml' | sort | awk -v k="$every" 'k == 1 || NR % k == 1' |
        xargs -r cp --parents -t "$dest")
}

# --- 4. Timing ----------------------------------------------------------------------------------
# best MAX_STATUS CMD...: run CMD --runs times (stdout discarded) and set $best to the shortest wall
# time in seconds. An exit status above MAX_STATUS (a crash, a usage error) stops the benchmark.
best() {
    local max_status=$1 i start end status
    shift
    best=""
    for ((i = 0; i < runs; i++)); do
        status=0
        start=$EPOCHREALTIME
        "$@" >/dev/null 2>"$work/stderr.log" || status=$?
        end=$EPOCHREALTIME
        if ((status > max_status)); then
            say "run.sh: '$*' exited with status $status; its standard error ends with:"
            tail -n 20 "$work/stderr.log" >&2
            exit 1
        fi
        best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; if (b != "" && b < t) t = b; printf "%.6f", t }')
    done
}

# Rows of the report, "|"-separated: kind|label|bytes|files|ours|peer
# (ours/peer are seconds; for "linearity" ours is the ratio, for "memory" it is kilobytes).
rows=()
row() { rows+=("$1|$2|$3|$4|$5|$6"); }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# --- 5. Measurements ----------------------------------------------------------------------------
declare -A parse_time
big=$(project "$compare_scale")
read -r big_bytes big_files < <(corpus_size "$big")

say "== parse: ${compare_scale}x project, $(mb "$big_bytes") MB in $big_files files"
best 0 "$lookml" parse "$big" --format lkml-json
ours=$best
parse_time[$compare_scale]=$ours
say "   lookml parse: $ours s; lkml (Python) next, which is slow"
best 0 "$python" "$here/peer_lkml_parse.py" "$big" --quiet
row parse "parse ${compare_scale}x project" "$big_bytes" "$big_files" "$ours" "$best"
say "   peer_lkml_parse.py: $best s"

subset_dir="$work/fmt-subset"
subset "$big" "$subset_dir" "$fmt_every"
read -r sub_bytes sub_files < <(corpus_size "$subset_dir")
before=$(tree_hash "$subset_dir")
what="fmt --check ${compare_scale}x"
((fmt_every == 1)) || what+=", every ${fmt_every}th file"
say "== $what: $(mb "$sub_bytes") MB in $sub_files files (a copy)"
best 1 "$lookml" fmt --check "$subset_dir"
ours=$best
say "   lookml fmt --check: $ours s"
best 1 "$python" "$here/peer_lkmlfmt_check.py" "$subset_dir" --quiet
row fmt "$what" "$sub_bytes" "$sub_files" "$ours" "$best"
say "   peer_lkmlfmt_check.py: $best s"
[[ $(tree_hash "$subset_dir") == "$before" ]] || die "a check-mode run modified $subset_dir"

fixtures="$work/fixtures"
rm -rf "$fixtures"
mkdir -p "$fixtures"
if [[ -d $root/Tests ]]; then
    (cd "$root/Tests" && find . -type f -path '*/Fixtures/*' -name '*.lkml' -print0 | xargs -0 -r cp --parents -t "$fixtures")
fi
read -r fix_bytes fix_files < <(corpus_size "$fixtures")
if ((fix_files > 0)); then
    say "== parse: the repository's fixtures, $fix_files files"
    # Fixtures include files with syntax errors on purpose: status 1 is expected from both tools.
    best 1 "$lookml" parse "$fixtures" --format lkml-json
    ours=$best
    best 1 "$python" "$here/peer_lkml_parse.py" "$fixtures" --quiet
    row fixtures "parse Tests/**/Fixtures" "$fix_bytes" "$fix_files" "$ours" "$best"
else
    say "== no Tests/**/Fixtures/**/*.lkml files: skipping the fixtures line"
fi

# Throughput: parsing (read, lex, parse, diagnose) with no output to write — `--format summary`.
declare -A scan_time=()
for n in "${scale_list[@]}"; do
    dir=$(project "$n")
    read -r bytes files < <(corpus_size "$dir")
    say "== parse throughput: ${n}x project, $(mb "$bytes") MB in $files files"
    best 0 "$lookml" parse "$dir" --format summary
    scan_time[$n]=$best
    row throughput "parse throughput ${n}x (--format summary)" "$bytes" "$files" "${scan_time[$n]}" ""
done

small=${scale_list[0]}
large=${scale_list[-1]}
if ((large > small)); then
    # Time grows by this much more than the size: 1.00 is linear.
    linearity=$(awk -v a="${scan_time[$small]}" -v b="${scan_time[$large]}" -v s="$small" -v l="$large" \
        'BEGIN { if (a > 0) printf "%.3f", b / a / (l / s) }')
    if [[ -n $linearity ]]; then
        row linearity "linearity t(${large}x)/t(${small}x)/$(awk -v s="$small" -v l="$large" 'BEGIN { print l / s }')" \
            "" "" "$linearity" ""
    fi
fi

if [[ -x /usr/bin/time ]]; then
    dir=$(project "$large")
    read -r bytes files < <(corpus_size "$dir")
    say "== peak memory: parse ${large}x project"
    if /usr/bin/time -f %M -o "$work/maxrss" "$lookml" parse "$dir" --format lkml-json >/dev/null 2>"$work/stderr.log"; then
        row memory "peak memory, parse ${large}x" "$bytes" "$files" "$(tail -n 1 "$work/maxrss")" ""
    else
        say "   skipped: lookml parse failed under /usr/bin/time"
    fi
else
    say "== /usr/bin/time not found: skipping peak memory"
fi

# --- 6. Report ----------------------------------------------------------------------------------
# One awk program renders the rows as the table (stdout) and as results.json.
render() {
    printf '%s\n' "${rows[@]}" | awk -F'|' -v mode="$1" -v runs="$runs" -v cpus="$(nproc)" \
        -v lookml="$lookml" -v peers="${peers[*]}" -v seed_sha="$generator_sha" -v scales="${scale_list[*]}" \
        -v compare_scale="$compare_scale" -v fmt_every="$fmt_every" -v machine="$(uname -srm)" '
    function num(x) { return x == "" ? "null" : x + 0 }
    function secs(x) { return x == "" ? "-" : (x < 1 ? sprintf("%.3f s", x) : sprintf("%.2f s", x)) }
    function rate(b, t) { return (b == "" || t == "" || t <= 0) ? "" : b / 1e6 / t }
    function show(x, d) { return x == "" ? "-" : sprintf("%." d "f", x) }
    {
        kind = $1; label = $2; bytes = $3; files = $4; ours = $5; peer = $6
        if (bytes != "") label = label sprintf(bytes < 1e6 ? " (%.1f KB, %d files)" : " (%.1f MB, %d files)",
                                               bytes < 1e6 ? bytes / 1e3 : bytes / 1e6, files)
        o = ""; p = ""; ratio = ""; our_rate = ""; peer_rate = ""
        if (kind == "linearity") { ratio = ours; o = "-" }
        else if (kind == "memory") { o = sprintf("%.0f MB", ours / 1024) }
        else {
            o = secs(ours); p = secs(peer)
            our_rate = rate(bytes, ours); peer_rate = rate(bytes, peer)
            if (peer != "" && ours > 0) ratio = peer / ours
        }
        n++
        L[n] = label; O[n] = o; P[n] = (p == "" ? "-" : p)
        R[n] = ratio == "" ? "-" : (kind == "linearity" ? sprintf("%.2f", ratio) : sprintf("%.0fx", ratio))
        M[n] = our_rate == "" ? "-" : (peer_rate == "" ? show(our_rate, 1) : show(our_rate, 1) " / " show(peer_rate, 3))
        J[n] = sprintf("    {\"task\": \"%s\", \"label\": \"%s\", \"bytes\": %s, \"files\": %s, " \
            "\"ours_seconds\": %s, \"peer_seconds\": %s, \"ratio\": %s, \"ours_mb_per_s\": %s, " \
            "\"peer_mb_per_s\": %s, \"peak_memory_kb\": %s}",
            kind, $2, num(bytes), num(files),
            (kind == "parse" || kind == "fmt" || kind == "fixtures" || kind == "throughput") ? num(ours) : "null",
            num(peer), num(ratio), num(our_rate), num(peer_rate), kind == "memory" ? num(ours) : "null")
        if (length(L[n]) > w) w = length(L[n])
    }
    END {
        if (mode == "json") {
            scales_json = scales
            gsub(/ /, ", ", scales_json)
            printf "{\n  \"tool\": \"%s\",\n  \"peers\": \"%s\",\n  \"machine\": \"%s\",\n", lookml, peers, machine
            printf "  \"cpus\": %d,\n  \"runs\": %d,\n  \"scales\": [%s],\n", cpus, runs, scales_json
            printf "  \"compare_scale\": %d,\n  \"fmt_every\": %d,\n", compare_scale, fmt_every
            printf "  \"generator_sha256\": \"%s\",\n  \"rows\": [\n", seed_sha
            for (i = 1; i <= n; i++) printf "%s%s\n", J[i], i < n ? "," : ""
            printf "  ]\n}\n"
            exit
        }
        fmt = "%-" w "s  %10s  %10s  %7s  %s\n"
        printf fmt, "task", "ours", "peer", "ratio", "MB/s (ours / peer)"
        for (i = 1; i <= n; i++) printf fmt, L[i], O[i], P[i], R[i], M[i]
    }'
}

say ""
render table
render json >"$work/results.json"
say ""
say "ratio = peer time / our time (linearity: 1.00 is linear); best of $runs run(s); $(nproc) CPUs."
say "Results written to ${work#"$root"/}/results.json"
