#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# MIME building benchmark (issue 3): a message with a 25 MB and a 500 MB
# attachment, built by Outpost (Release build) versus `base64` of the same
# file. Prints medians of RUNS runs, the time ratio, and peak RSS measured by
# /usr/bin/time -v; also the growth above the idle baseline the tool reports.
#
#   bench/mime.sh            # RUNS=3 SIZES="25 500" by default
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
sizes=${SIZES:-"25 500"}
build_dir=${BENCH_BUILD_DIR:-build-release}

# One build at a time on a shared machine: wait for the build lock.
flock /tmp/outpost-build.lock env BUILD_DIR="$build_dir" BUILD_TYPE=Release scripts/build.sh outpost-mime-bench >/dev/null
tool=$build_dir/bench/outpost-mime-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Runs a command under /usr/bin/time -v; prints "seconds max_rss_kb".
measure() {
    /usr/bin/time -v "$@" 2>"$work/time.txt" >"$work/stdout.txt"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt" |
        awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    echo "$wall $rss"
}

printf '%-8s %-10s %10s %12s %14s\n' size tool "median s" "peak RSS MB" "above idle MB"
for mb in $sizes; do
    head -c "$((mb * 1024 * 1024))" /dev/urandom >"$work/in.bin"
    : >"$work/o_times"; : >"$work/o_rss"; : >"$work/o_growth"; : >"$work/b_times"; : >"$work/b_rss"
    for _ in $(seq "$runs"); do
        read -r t r < <(measure "$tool" "$work/in.bin" "$work/out.eml")
        echo "$t" >>"$work/o_times"; echo "$r" >>"$work/o_rss"
        python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print((d["peak_rss_kb"]-d["baseline_rss_kb"])/1024)' \
            "$work/stdout.txt" >>"$work/o_growth"
        read -r t r < <(measure base64 "$work/in.bin")
        echo "$t" >>"$work/b_times"; echo "$r" >>"$work/b_rss"
    done
    ot=$(median <"$work/o_times"); orss=$(median <"$work/o_rss"); og=$(median <"$work/o_growth")
    bt=$(median <"$work/b_times"); brss=$(median <"$work/b_rss")
    printf '%-8s %-10s %10.2f %12.1f %14.1f\n' "${mb}MB" outpost "$ot" "$(echo "$orss/1024" | bc -l)" "$og"
    printf '%-8s %-10s %10.2f %12.1f %14s\n' "${mb}MB" base64 "$bt" "$(echo "$brss/1024" | bc -l)" "-"
    printf '%-8s ratio outpost/base64 time: %.2f\n' "${mb}MB" "$(echo "$ot/$bt" | bc -l)"
done
