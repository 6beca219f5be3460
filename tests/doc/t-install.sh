#!/bin/sh
# make install PREFIX=... DESTDIR=...: the installed binary finds its
# rule packs and theme (also when the tree was staged under DESTDIR and
# moved), and the man page is installed.
. "$(dirname "$0")/../lib.sh"
T=$(tmpdir)
if ! make -s -C "$TOP" install PREFIX=/opt/pm DESTDIR="$T/stage" \
    >"$T/make.out" 2>&1; then
	sed 's/^/#   /' "$T/make.out" >&2
	not_ok "make install PREFIX=/opt/pm DESTDIR=..."
	done_testing
	exit
fi
ok "make install PREFIX=/opt/pm DESTDIR=..."
P=$T/stage/opt/pm
check "installs the man page" test -f "$P/share/man/man1/postmortem.1"
check "installs the default theme" test -f "$P/share/postmortem/themes/default/style.css"
# Moved away from PREFIX: the data is found beside the binary.
mv "$P" "$T/moved"
cd "$T" || exit 2
"$T/moved/bin/postmortem" rules --test >rules.out 2>&1
check "installed binary runs every rule-pack example" \
    grep -q ' examples: [1-9][0-9]* passed, 0 failed' rules.out
bash "$TOP/sample-postmortems/make-repo.sh" "$T/repo" >/dev/null 2>&1
"$T/moved/bin/postmortem" -C "$T/repo" lint --today 2026-11-01 >lint.out 2>&1
check "installed binary finds blame with the shipped packs" \
    grep -q 'language/blameless' lint.out
"$T/moved/bin/postmortem" -C "$T/repo" build --out "$T/site" \
    --today 2026-11-01 >build.out 2>&1
check "installed binary builds the archive with the installed theme" \
    test -f "$T/site/style.css"
# Without the data directory, say so instead of linting with no packs.
mv "$T/moved/share" "$T/moved/share.away"
"$T/moved/bin/postmortem" rules --test >none.out 2>&1
check "a missing rules directory is reported" grep -q 'no rules directory' none.out
done_testing
