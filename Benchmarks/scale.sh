#!/usr/bin/env bash
# Scale benchmark for the project-wide commands: `lookml check` and `lookml lint` on synthetic projects of growing
# size (time, peak memory, growth against size), and `lookml rename` of a view referenced 10,000 times.
# Usage: Benchmarks/scale.sh [--scales "1 4 10"] [--lookml PATH] [-h]
# Scale 1 is 1,945 files and 13.5 MB; scale 10 is about 19,500 files. Projects go to Benchmarks/.work/ (reused).
set -euo pipefail
export LC_ALL=C
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/.work"
scales="1 4 10"
lookml=""
while (($#)); do
    case $1 in
    --scales) scales=${2?--scales needs a value}; shift ;;
    --lookml) lookml=${2?--lookml needs a value}; shift ;;
    -h | --help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scale.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
mkdir -p "$work"
if [[ -z $lookml ]]; then
    echo "== building lookml (release)" >&2
    (cd "$root" && swift build -c release --product lookml >&2)
    lookml="$root/.build/release/lookml"
fi

# measure NAME CMD...: wall seconds and peak memory (MB) of one run; exit status 0 or 1 is fine.
measure() {
    local status=0 start end
    start=$EPOCHREALTIME
    /usr/bin/time -f %M -o "$work/maxrss" "$@" >/dev/null 2>"$work/stderr.log" || status=$?
    end=$EPOCHREALTIME
    if ((status > 1)); then echo "scale.sh: '$*' failed with status $status" >&2; tail -5 "$work/stderr.log" >&2; exit 1; fi
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    megabytes=$(awk '{ printf "%.0f", $1 / 1024 }' "$work/maxrss")
}

printf '%-44s %10s %10s %10s\n' "task" "seconds" "peak MB" "files"
declare -A check_time=()
for n in $scales; do
    dir="$work/scale-$n"
    [[ -f $dir/.make_project ]] || python3 "$here/make_project.py" "$dir" --scale "$n" >&2
    files=$(find "$dir" -name '*.lkml' | wc -l)
    measure "$lookml" check "$dir"
    check_time[$n]=$seconds
    printf '%-44s %10s %10s %10s\n' "check ${n}x" "$seconds" "$megabytes" "$files"
    measure "$lookml" lint "$dir"
    printf '%-44s %10s %10s %10s\n' "lint ${n}x" "$seconds" "$megabytes" "$files"
done
read -r -a list <<<"$scales"
small=${list[0]} large=${list[-1]}
if ((large > small)); then
    awk -v a="${check_time[$small]}" -v b="${check_time[$large]}" -v s="$small" -v l="$large" \
        'BEGIN { printf "%-44s %10.2f\n", "check growth t(" l "x)/t(" s "x)/" l/s, b / a / (l / s) }'
fi

# A view referenced 10,000 times: 500 views with 20 references each, explores joining it, a dashboard.
hub="$work/hub"
if [[ ! -f $hub/done ]]; then
    rm -rf "$hub" && mkdir -p "$hub/views" "$hub/models"
    python3 - "$hub" <<'PY'
import sys, pathlib
root = pathlib.Path(sys.argv[1])
fields = "\n".join(f"  dimension: f{i} {{\n    sql: ${{TABLE}}.c{i} ;;\n  }}" for i in range(20))
(root / "views/hub.view.lkml").write_text(f"view: hub {{\n  sql_table_name: S.HUB ;;\n{fields}\n}}\n")
model = ['connection: "c"', 'include: "/views/*.view"']
for v in range(500):
    dims = "\n".join(f"  dimension: d{i} {{\n    sql: ${{hub.f{i}}} + ${{TABLE}}.x{i} ;;\n  }}" for i in range(20))
    (root / f"views/v{v}.view.lkml").write_text(f"view: v{v} {{\n  sql_table_name: S.T{v} ;;\n{dims}\n}}\n")
    if v % 10 == 0:
        model.append(f"explore: v{v} {{\n  join: hub {{\n    sql_on: ${{v{v}.d0}} = ${{hub.f0}} ;;\n    relationship: many_to_one\n  }}\n}}")
(root / "models/m.model.lkml").write_text("\n".join(model) + "\n")
(root / "done").write_text("")
PY
fi
measure "$lookml" rename view hub core "$hub"
printf '%-44s %10s %10s %10s\n' "rename view (10,000+ references)" "$seconds" "$megabytes" "501"
measure "$lookml" rename view core hub "$hub"
printf '%-44s %10s %10s %10s\n' "rename it back" "$seconds" "$megabytes" "501"
