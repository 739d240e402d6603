#!/usr/bin/env bash
# Cold-build CPU of a small service on intercom-api against the same
# service on bare reqwest + serde_json (benches/compile_cost/{sdk,raw}).
# Each is built from scratch into its own target dir, one after the other,
# with the crate's Cargo.lock so both resolve the same versions; the figure
# is user + system CPU seconds (what a CI machine bills), not wall time.
#
#   bash benches/compile_cost/run.sh            # debug and release
#   PROFILES=release bash benches/compile_cost/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$root/target/compile-cost}"
profiles="${PROFILES:-debug release}"
mkdir -p "$out"
cpu() { # cpu <crate dir> <target dir> <profile>
  local flag=""
  [ "$3" = release ] && flag="--release"
  rm -rf "$2"
  cp "$root/Cargo.lock" "$1/Cargo.lock"
  /usr/bin/time -f "%U %S %e" -o "$out/time" \
    env CARGO_TARGET_DIR="$2" CARGO_INCREMENTAL=0 cargo build -q $flag --manifest-path "$1/Cargo.toml" >/dev/null 2>"$out/build.log" \
    || { cat "$out/build.log" >&2; exit 1; }
  rm -f "$1/Cargo.lock"
  awk '{printf "%.1f %.1f\n", $1 + $2, $3}' "$out/time"
}
printf '| profile | bare reqwest CPU s | intercom-api CPU s | ratio | wall s (raw / sdk) |\n|---|---|---|---|---|\n'
for p in $profiles; do
  read -r raw_cpu raw_wall < <(cpu "$here/raw" "$out/raw-$p" "$p")
  read -r sdk_cpu sdk_wall < <(cpu "$here/sdk" "$out/sdk-$p" "$p")
  ratio=$(awk -v a="$sdk_cpu" -v b="$raw_cpu" 'BEGIN {printf "%.2f", a / b}')
  printf '| %s | %s | %s | %s× | %s / %s |\n' "$p" "$raw_cpu" "$sdk_cpu" "$ratio" "$raw_wall" "$sdk_wall"
done
