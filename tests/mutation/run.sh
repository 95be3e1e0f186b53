#!/usr/bin/env bash
# The mutation suite: small bugs a citizen or the staff would notice, each
# put into a copy of the source and checked to be caught by the tests.
#
#   tests/mutation/run.sh [PATCH...]     (default: every tests/mutation/*.patch)
#
# Each NN-name.patch is a unified diff against the source tree (patch -p1)
# with a header: a `Bug:` line (what a citizen or the staff would see) and a
# `Tests:` line (the meson tests that must catch it). The tree (as it is now,
# committed or not, without build folders) is copied once to a temporary
# folder and built there once (no sanitizers: quicker); then for each patch:
# apply, ninja, run its tests, revert. A mutation is caught when at least one
# of its tests fails. Prints a line a mutation and a summary; exits 1 when
# one was not caught (or did not apply or build). Needs what the tests need
# (tests/print/setup-cups.sh for the print ones). Keeps the copy when
# MUTATION_KEEP=1. Takes a few minutes a mutation on two cores.
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -gt 0 ] || set -- "$SRC"/tests/mutation/*.patch
WORK=$(mktemp -d /tmp/motcua-mutation.XXXXXX)
[ "${MUTATION_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
echo "copying the tree to $WORK/src and building it"
(cd "$SRC" && tar --exclude='./build*' --exclude=./.git -cf - .) | (mkdir -p "$WORK/src" && cd "$WORK/src" && tar -xf -)
if ! (cd "$WORK/src" && meson setup "$WORK/build" -Dbuildtype=debugoptimized >"$WORK/setup.log" 2>&1 &&
	ninja -C "$WORK/build" >"$WORK/build.log" 2>&1); then
	echo "the unmutated tree does not build: see $WORK/*.log" >&2
	MUTATION_KEEP=1
	exit 3
fi
caught=0 missed=0 broken=0
report=()
for p in "$@"; do
	name=$(basename "$p" .patch)
	bug=$(sed -n 's/^Bug: //p' "$p" | head -n 1)
	tests=$(sed -n 's/^Tests: //p' "$p" | head -n 1)
	if ! patch -d "$WORK/src" -p1 --forward --quiet <"$p" >"$WORK/$name.patch.log" 2>&1; then
		echo "BROKEN  $name: the patch does not apply (see $WORK/$name.patch.log)"
		broken=$((broken + 1))
		continue
	fi
	if ! ninja -C "$WORK/build" >"$WORK/$name.build.log" 2>&1; then
		echo "BROKEN  $name: does not build"
		broken=$((broken + 1))
	else
		# shellcheck disable=SC2086
		meson test -C "$WORK/build" --no-rebuild $tests >"$WORK/$name.test.log" 2>&1
		failed=$(grep -E '^ *[0-9]+/[0-9]+ .* (FAIL|TIMEOUT|ERROR) ' "$WORK/$name.test.log" |
			sed 's/^ *[0-9]*\/[0-9]* motcua:[^ ]* \/ \([^ ]*\).*/\1/' | tr '\n' ' ')
		skipped=$(grep -cE '^ *[0-9]+/[0-9]+ .* SKIP ' "$WORK/$name.test.log")
		if [ -n "$failed" ]; then
			echo "CAUGHT  $name by: $failed"
			report+=("| $name | $bug | $failed |")
			caught=$((caught + 1))
		else
			echo "MISSED  $name (tests: $tests; $skipped skipped): $bug"
			report+=("| $name | $bug | NOT CAUGHT |")
			missed=$((missed + 1))
		fi
	fi
	patch -d "$WORK/src" -p1 -R --quiet <"$p" >/dev/null 2>&1 || { echo "cannot revert $name" >&2; exit 3; }
done
echo
echo "| mutation | bug | caught by |"
echo "|---|---|---|"
printf '%s\n' "${report[@]}"
echo
echo "$caught caught, $missed missed, $broken broken"
[ "$missed" = 0 ] && [ "$broken" = 0 ]
