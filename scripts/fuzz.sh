#!/usr/bin/env bash
# Fuzz Anjian with libFuzzer: scripts/fuzz.sh [SECONDS] [TARGET...]
# Targets: yaml (loader), rules (rule-file decoding and linking), expression (parser and type
# checker), answers (answer-sheet decoding, evaluation, every report format), scanner (the pure-Swift
# YAMLBlockScanner must give libyaml's events wherever it accepts an input). Each runs SECONDS
# (default 60) on a corpus seeded from Rules/, Examples/ and Tests/FuzzRegressions/. A crash is
# saved under .build-fuzz/ and the script exits 1: copy the input into Tests/FuzzRegressions/<target>/,
# where the test suite replays it for ever after.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=${*:-yaml rules expression answers scanner}
scratch=.build-fuzz
# NOTE: libFuzzer is linked without its main (fuzzer_no_main), so that SwiftPM's entry point stays;
# AnjianFuzz then calls LLVMFuzzerRunDriver itself.
fuzzer_lib=$(find "$(dirname "$(dirname "$(readlink -f "$(command -v swiftc)")")")/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
swift build --scratch-path "$scratch" -c debug --product AnjianFuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
  -Xswiftc -DANJIAN_FUZZING -Xlinker "$fuzzer_lib" -Xlinker -lstdc++ >"$scratch.log" 2>&1 \
  || { tail -30 "$scratch.log"; exit 2; }
bin="$scratch/debug/AnjianFuzz"
status=0
for target in $targets; do
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus"
  seeds=("Tests/FuzzRegressions/$target")
  case "$target" in
    yaml|answers|scanner) seeds+=("$(readlink -f Rules)" Examples) ;;
    rules) seeds+=("$(readlink -f Rules)") ;;
    expression)
      # One seed per expression written in the shipped rules.
      python3 - "$corpus" <<'PY'
import glob, hashlib, os, re, sys
out = sys.argv[1]
for path in glob.glob("Rules/*.yaml"):
    for m in re.finditer(r"^\s+(?:when|expr|ask_if):\s*(.+)$", open(path, encoding="utf-8").read(), re.M):
        text = m.group(1).strip().strip("'")
        name = hashlib.sha1(text.encode()).hexdigest()[:16]
        open(os.path.join(out, "seed-" + name), "w", encoding="utf-8").write(text)
PY
      ;;
  esac
  echo "fuzz $target for ${seconds}s"
  # NOTE: LeakSanitizer reports the objects of long-lived Swift values as leaked (it cannot see
  # pointers kept in multi-payload enums' spare bits), so leak checking is off; ASan stays on.
  if ! ANJIAN_FUZZ_TARGET="$target" ASAN_OPTIONS=detect_leaks=0 "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 -detect_leaks=0 \
      -artifact_prefix="$scratch/crash-$target-" -print_final_stats=1 "$corpus" "${seeds[@]}" >"$scratch/$target.log" 2>&1; then
    echo "FAIL fuzz $target: see $scratch/$target.log"; tail -40 "$scratch/$target.log"; status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$scratch/$target.log" | tail -2
    echo "ok   fuzz $target"
  fi
done
exit $status
