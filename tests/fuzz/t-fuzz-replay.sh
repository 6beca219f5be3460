#!/bin/sh
# Replays every fuzz target's seed corpus (tests/fuzz/corpus/<target>/)
# and kept crashers (tests/fuzz/regress/<target>/) through the target
# linked with tests/fuzz/replay.c instead of libFuzzer, against
# $BUILD/libpm.a: the sanitizer build in `make check`, plain under
# valgrind in `make valgrind`.  One line per target and directory; a
# failing input gets its own "not ok" line.
. "$(dirname "$0")/../lib.sh"

: "${BUILD:=build}"
cd "$TOP" || exit 2
CC=${CC:-cc}
FLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1"
case "$BUILD" in
*san*)	FLAGS="$FLAGS -fsanitize=address,undefined"
	FLAGS="$FLAGS -fno-sanitize-recover=address,undefined" ;;
esac
RUN=
[ -n "${VALGRIND:-}" ] && RUN="valgrind -q --error-exitcode=99 --leak-check=full"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=86"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=86:print_stacktrace=1"
export ASAN_OPTIONS UBSAN_OPTIONS
OUT=$BUILD/tests/fuzz
mkdir -p "$OUT"
W=$(tmpdir)

for src in tests/fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	bin=$OUT/replay_$t
	# shellcheck disable=SC2046
	if ! $CC $FLAGS -Ilib -o "$bin" "$src" tests/fuzz/replay.c \
	    "$BUILD/libpm.a" $(pkg-config --cflags --libs \
	    libcmark-gfm libgit2 libpcre2-8 yaml-0.1) -lpthread \
	    2>"$W/cc.err"; then
		not_ok "fuzz-replay/$t: builds against $BUILD/libpm.a"
		sed 's/^/#   /' "$W/cc.err" | head -20 >&2
		continue
	fi
	for kind in corpus regress; do
		dir=tests/fuzz/$kind/$t
		[ -d "$dir" ] || continue
		n=0; bad=0
		for f in "$dir"/*; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			if ! timeout 60 $RUN "$bin" "$f" >/dev/null \
			    2>"$W/err"; then
				bad=$((bad + 1))
				not_ok "fuzz-replay/$t: $f"
				grep -E 'ERROR|runtime error|SUMMARY|#[0-9] |==[0-9]+== [A-Z ]' \
				    "$W/err" | head -12 | sed 's/^/#   /' >&2
			fi
		done
		[ "$bad" -eq 0 ] && ok "fuzz-replay/$t: $n $kind inputs"
	done
done
done_testing
