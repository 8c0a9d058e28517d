#!/bin/sh
# Regenerates the expected output (<name>.out) of every program under tests/programs with
# the real Go toolchain, and checks each program's exit status against its recipe.
#
# Recipe (first line): `// run` (must exit 0, whole combined output compared) or
# `// run exit=N` (must exit N; when N is not 0 the output is kept up to and including the
# first line starting with `goroutine `, as the harness compares it: for a panic or fatal
# error (N = 2) that drops the stack trace; an os.Exit(N) program has no such line and
# keeps its whole output). Other words after `run` are the program's arguments.
#
# Each program is built with `go build` and the binary is run directly, rather than with
# `go run`: `go run` turns every non-zero exit into its own status 1 and appends an
# `exit status N` line, neither of which is the program's behaviour.
#
# Usage: tests/programs/regen.sh [file.go ...]   (default: every program)
set -u
cd "$(dirname "$0")" || exit 1
GO=${GO:-go}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ $# -gt 0 ]; then files="$*"; else files=$(find . -name '*.go' ! -path '*.dir/*' | sed 's|^\./||' | sort); fi
# expected FILE: the part of a run's output that is compared, byte for byte: everything
# for exit status 0, else everything through the first line starting with `goroutine `.
expected() {
	line=0
	if [ "$want" != 0 ]; then
		line=$(grep -a -n -m 1 '^goroutine ' "$1" | cut -d: -f1)
	fi
	if [ -n "$line" ] && [ "$line" != 0 ]; then head -n "$line" "$1"; else cat "$1"; fi
}
fail=0
n=0
for f in $files; do
	recipe=$(head -n 1 "$f")
	case "$recipe" in
	"// run" | "// run "*) ;;
	*) echo "FAIL $f: first line is not a '// run' recipe: $recipe"; fail=1; continue ;;
	esac
	# The words after `run`: an optional exit=N, and the program's arguments (unquoted).
	want=0
	args=""
	for w in ${recipe#"// run"}; do
		case "$w" in
		exit=*) want=${w#exit=} ;;
		*) args="$args $w" ;;
		esac
	done
	out=${f%.go}.out
	if ! (cd "$(dirname "$f")" && $GO build -o "$tmp/prog" "$(basename "$f")") > "$tmp/build" 2>&1; then
		if grep -q 'build constraints exclude' "$tmp/build"; then
			echo "skip $f: build constraints exclude it on this host (its .out is kept)"; continue
		fi
		echo "FAIL $f: does not build:"; cat "$tmp/build"; fail=1; continue
	fi
	(cd "$(dirname "$f")" && "$tmp/prog" $args) > "$tmp/full" 2>&1
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL $f: exit status $got, recipe wants $want"; head -n 5 "$tmp/full"; fail=1; continue
	fi
	if [ "$want" = 2 ] && ! grep -q '^goroutine ' "$tmp/full"; then
		echo "FAIL $f: exit 2 but no 'goroutine ' line in the output"; fail=1; continue
	fi
	expected "$tmp/full" > "$out"
	# A second run must give the same output: the corpus has to be deterministic.
	(cd "$(dirname "$f")" && "$tmp/prog" $args) > "$tmp/full2" 2>&1
	expected "$tmp/full2" | cmp -s - "$out" || {
		echo "FAIL $f: output differs between two runs"; fail=1; continue; }
	n=$((n + 1))
done
if [ "$fail" != 0 ]; then echo "regen: FAILED (see above)"; exit 1; fi
echo "regen: $n programs regenerated"
