#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and
# runs each for SECONDS (default 600) on its corpus, printing executions and
# coverage. Findings go to build-fuzz/findings/<target>/.
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(smtp_reply scram address mailto header_block sidecar autoconfig_xml imap_response)
if [[ ! -f build-fuzz/build.ninja ]]; then
    cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DOUTPOST_FUZZ=ON -DOUTPOST_BUILD_TESTS=OFF -DOUTPOST_BUILD_BENCH=OFF >/dev/null
fi
cmake --build build-fuzz --target "${targets[@]/#/fuzz_}" >/dev/null
# A small quarantine: ASan otherwise keeps up to 256 MiB of freed memory per
# process, which over millions of allocation-heavy inputs reaches the RSS limit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=10}
failed=()
for t in "${targets[@]}"; do
    work=build-fuzz/corpus/$t
    findings=build-fuzz/findings/$t
    mkdir -p "$work" "$findings"
    cp -n fuzz/corpus/"$t"/* "$work"/ 2>/dev/null || true
    echo "== $t: $seconds s"
    if ! build-fuzz/fuzz/fuzz_"$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/" -print_final_stats=1 "$work" >"build-fuzz/$t.log" 2>&1; then
        failed+=("$t")
    fi
    grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE|ERROR|SUMMARY" "build-fuzz/$t.log" | tail -4
done
if ((${#failed[@]})); then
    echo "findings in: ${failed[*]} (see build-fuzz/findings/)"
    exit 1
fi
echo "no findings"
