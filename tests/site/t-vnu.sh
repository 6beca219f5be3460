#!/bin/sh
# The Nu HTML checker on the sample site: no errors.  vnu is not a
# Debian package; install it with
#     npm install --prefix build/vnu vnu-jar
# (needs the npm registry, so CI without it skips this test with a note;
# java is needed too).
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/site/site-lib.sh"
jar=$TOP/build/vnu/node_modules/vnu-jar/build/dist/vnu.jar
if [ ! -f "$jar" ] || ! command -v java >/dev/null 2>&1; then
	skip "Nu HTML checker" "no $jar (npm install --prefix build/vnu vnu-jar) or no java"
	done_testing; exit
fi
d=$(tmpdir)
if ! samples_repo "$d/repo"; then
	skip "Nu HTML checker" "no sample-postmortems/make-repo.sh"
	done_testing; exit
fi
check "vnu: build" build_site "$d/repo" "$d/site"
check "vnu: no errors in any page" sh -c \
    "java -jar '$jar' --errors-only --skip-non-html '$d/site' 2>&1 | tee '$d/vnu.out' >&2; test ! -s '$d/vnu.out'"
check "vnu: no errors in the CSS" sh -c \
    "java -jar '$jar' --errors-only --css '$d/site/style.css' 2>&1 | tee '$d/vnu.css' >&2; test ! -s '$d/vnu.css'"
done_testing
