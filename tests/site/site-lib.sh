# Helpers for tests/site/t-*.sh (sourced after tests/lib.sh).

# samples_repo DIR: the sample post-mortems as a dated Git repository.
# Returns 1 (and the caller skips) when the samples are not there.
samples_repo() {
	[ -f "$TOP/sample-postmortems/make-repo.sh" ] || return 1
	bash "$TOP/sample-postmortems/make-repo.sh" "$1" >/dev/null 2>&1
}

# build_site REPO OUT [ARGS...]: postmortem build with fixed --today.
build_site() {
	repo=$1; out=$2; shift 2
	(cd "$repo" && $PM build --out "$out" --today 2026-11-01 -q "$@")
}

# report_repo DIR: an empty repository to commit reports into.
report_repo() {
	mkdir -p "$1" && git -C "$1" init -q
}

# add_report REPO PATH TEXT DATE: write and commit one file.
add_report() {
	mkdir -p "$(dirname "$1/$2")"
	printf '%s\n' "$3" >"$1/$2"
	(cd "$1" && git add "$2" && commit_at "$4" "add $2")
}

