#!/bin/bash
# run-fuzz.sh TARGET SECONDS — runs one libFuzzer target of tests/fuzz.
#
# First replays regressions/TARGET/* (inputs that once crashed), then fuzzes
# for SECONDS on a COPY of corpus/TARGET, so the committed corpus never grows
# during CI. Exits non-zero on a crash, leak, timeout or failed invariant,
# printing the crashing input and where a copy of it was kept.
#
# Environment: FUZZ_BIN_DIR  folder of the fuzz binaries (default build-fuzz/tests/fuzz)
#              FUZZ_ARTIFACTS  where crash inputs are kept (default ./fuzz-artifacts)
#              FUZZ_JOBS  parallel fuzzing processes (default 1)
#              FUZZ_KEEP_CORPUS=DIR  keep the grown corpus copy in DIR (to minimise
#                                    and pick new seeds by hand)
#              FUZZ_ARGS  extra libFuzzer flags
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 2 ]; then
	echo "usage: $0 TARGET SECONDS" >&2
	exit 2
fi
target=$1
seconds=$2
bin_dir=${FUZZ_BIN_DIR:-$here/../../build-fuzz/tests/fuzz}
bin=$bin_dir/$target
if [ ! -x "$bin" ]; then
	echo "$0: $bin is not built (CC=clang meson setup build-fuzz -Dfuzz=true ...)" >&2
	exit 2
fi

# The longest input worth trying: a bundle of several files needs room, a
# script line or a text does not.
case $target in
fuzz_bundle) max_len=65536 ;;
fuzz_csv) max_len=16384 ;;
fuzz_signature) max_len=16384 ;;
fuzz_bundle_ini) max_len=4096 ;;
fuzz_text) max_len=4096 ;;
fuzz_script) max_len=4096 ;;
*) max_len=8192 ;;
esac

# UB and leaks are failures too, with a stack in the log.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export MOTCUA_LANG=${MOTCUA_LANG:-en}

work=$(mktemp -d "${TMPDIR:-/tmp}/run-$target.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" "$work/artifacts"
if [ -d "$here/corpus/$target" ]; then
	cp -R "$here/corpus/$target/." "$work/corpus/"
fi

report_crash() {
	local found=0 keep=${FUZZ_ARTIFACTS:-$PWD/fuzz-artifacts}/$target
	for f in "$work"/artifacts/*; do
		[ -f "$f" ] || continue
		found=1
		mkdir -p "$keep"
		cp "$f" "$keep/"
		echo "=== $target: crash input $(basename "$f") ($(wc -c <"$f") bytes), kept as $keep/$(basename "$f")"
		od -A d -c "$f" | head -n 40
		echo "=== reproduce: $bin $keep/$(basename "$f")"
	done
	[ $found = 1 ] || echo "=== $target: failed without a crash file (see the log above)"
}

status=0
regressions=()
if [ -d "$here/regressions/$target" ]; then
	for f in "$here/regressions/$target"/*; do
		[ -f "$f" ] && regressions+=("$f")
	done
fi
if [ ${#regressions[@]} -gt 0 ]; then
	echo "=== $target: replaying ${#regressions[@]} regression input(s)"
	failed=0
	for f in "${regressions[@]}"; do
		if ! "$bin" "$f"; then
			echo "=== $target: FAILED on regression input $f"
			od -A d -c "$f" | head -n 20
			failed=1
		fi
	done
	[ $failed = 0 ] || exit 1
fi

dict=()
[ -f "$here/$target.dict" ] && dict=(-dict="$here/$target.dict")
jobs=${FUZZ_JOBS:-1}
par=()
[ "$jobs" -gt 1 ] && par=(-fork="$jobs" -ignore_crashes=0)
echo "=== $target: fuzzing for ${seconds}s, max_len $max_len"
# shellcheck disable=SC2086
"$bin" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
	-print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" "${par[@]}" \
	${FUZZ_ARGS:-} "$work/corpus" || status=$?
if [ -n "${FUZZ_KEEP_CORPUS:-}" ]; then
	mkdir -p "$FUZZ_KEEP_CORPUS"
	cp -R "$work/corpus/." "$FUZZ_KEEP_CORPUS/"
fi
if [ $status -ne 0 ]; then
	report_crash
	exit 1
fi
echo "=== $target: no crash in ${seconds}s"
