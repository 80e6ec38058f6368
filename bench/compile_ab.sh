#!/usr/bin/env bash
# A/B of the first compile of train_rbm in a fresh JVM (`tdl bench --compile-only --repeat 1`), for
# two or more jars: each jar runs behind its own copy of the ./tdl launcher (so each gets its own
# class-data-sharing archive, made once), the jars take turns in random order, each sample waits for
# the benchmark lock, and the medians are printed with the load average. TDL_NO_CDS=1 measures
# without the archive.  Usage: bench/compile_ab.sh ROUNDS OLD.jar NEW.jar [MORE.jar...]
# (the jars need --compile-only: any build since it was added; copy them out of target/ first).
set -euo pipefail
repo="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
rounds=$1; shift
work="${TMPDIR:-/tmp}/tdl-compile-ab.$$"
declare -A res
for j in "$@"; do
    d="$work/$(basename "$j" .jar)"
    mkdir -p "$d/target"
    cp "$j" "$d/target/tdl-0.1.0.jar"
    cp "$repo/tdl" "$d/tdl"
    "$d/tdl" -e pass >/dev/null 2>&1   # makes the archive (unless TDL_NO_CDS)
done
for r in $(seq 1 "$rounds"); do
    for j in $(printf "%s\n" "$@" | shuf); do
        d="$work/$(basename "$j" .jar)"
        t=$(flock /tmp/tdl-bench.lock "$d/tdl" bench --compile-only --repeat 1 2>/dev/null \
            | grep -o 'first in this JVM *[0-9.]* ms' | awk '{print $5}')
        res[$j]="${res[$j]:-} $t"
    done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in "$@"; do
    median=$(echo ${res[$j]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}')
    echo "$(basename "$j"): ${res[$j]} ms | median $median ms"
done
rm -rf "$work"
