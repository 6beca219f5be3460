# postmortem: lint and publish incident post-mortems kept in Git.
# GNU make.  Every build product lives under build/ (build/san/ for the
# sanitizer build).  Missing libraries are installed by 'make deps'.

PKGS		 = libcmark-gfm libgit2 libpcre2-8 yaml-0.1
DEB_PKGS	 = libcmark-gfm-dev libcmark-gfm-extensions-dev libgit2-dev \
		   libpcre2-dev libyaml-dev pkg-config
# Used by 'make check' only: man page lint, pre-commit, browser tests, the
# Nu HTML checker (java, and npm to fetch vnu-jar).
DEB_TEST_PKGS	 = mandoc pre-commit chromium git python3 jq fonts-noto-cjk \
		   strace default-jre-headless npm
# Used by 'make bench' only: the yardsticks of the table (bench/run.sh).
DEB_BENCH_PKGS	 = cmark-gfm hugo time git python3
# xmllint, for the JUnit schema check (tests/lint/t-sarif-formats.sh).
DEB_TEST_PKGS	+= libxml2-utils
PKG_CONFIG	?= pkg-config
CC		?= cc
CSTD		 = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN		 = -Wall -Wextra -Werror -Wstrict-prototypes \
		   -Wold-style-definition -Wwrite-strings -Wvla -Wpointer-arith
CFLAGS		?= -O2 -g
PREFIX		?= /usr/local
BINDIR		 = $(PREFIX)/bin
DATADIR		 = $(PREFIX)/share/postmortem
MANDIR		 = $(PREFIX)/share/man
VERSION		 = 0.1.0

ifdef SANITIZE
BUILD		 = build/san
CFLAGS		+= -fsanitize=$(SANITIZE) -fno-sanitize-recover=$(SANITIZE) \
		   -fno-omit-frame-pointer
LDFLAGS		+= -fsanitize=$(SANITIZE)
else
BUILD		 = build
endif

# Lazy (=), so that they are read after 'deps' has run.
PKG_CFLAGS	 = $(shell $(PKG_CONFIG) --cflags $(PKGS))
PKG_LIBS	 = $(shell $(PKG_CONFIG) --libs $(PKGS)) -lpthread -lm

# The module map: one group per stage of the pipeline.
BASE_OBJS	 = lib/base/alloc.o lib/base/arena.o lib/base/buf.o \
		   lib/base/err.o lib/base/finding.o lib/base/glob.o \
		   lib/base/json.o lib/base/time.o lib/base/timing.o \
		   lib/base/tz.o \
		   lib/base/utf8.o lib/base/linkpath.o \
		   lib/base/yamlx.o
SOURCE_OBJS	 = lib/source/cache.o lib/source/config.o lib/source/history.o \
		   lib/source/repo.o lib/corpus.o
DOC_OBJS	 = lib/doc/actions.o lib/doc/doc.o lib/doc/factors.o \
		   lib/doc/frontmatter.o lib/doc/markdown.o lib/doc/prose.o \
		   lib/doc/screen.o lib/doc/sections.o lib/doc/split.o \
		   lib/doc/timeline.o lib/doc/ttime.o lib/doc/infer.o \
		   lib/doc/urls.o lib/doc/title.o
LINT_OBJS	 = lib/lint/checks.o lib/lint/check_actions.o \
		   lib/lint/check_body.o lib/lint/check_meta.o \
		   lib/lint/check_timeline.o lib/lint/rulepack.o \
		   lib/lint/suppress.o lib/lint/baseline.o \
		   lib/lint/check_links.o lib/lint/replay.o
REPORT_OBJS	 = lib/report/report.o lib/report/text.o \
		   lib/report/json.o lib/report/sarif.o lib/report/github.o \
		   lib/report/gitlab.o lib/report/junit.o lib/report/rulehelp.o
SITE_OBJS	 = lib/site/attach.o lib/site/feed.o lib/site/html.o lib/site/page_doc.o \
		   lib/site/page_index.o lib/site/page_trends.o \
		   lib/site/search.o lib/site/similar.o lib/site/site.o \
		   lib/site/sitemap.o lib/site/svg.o lib/site/tmpl.o \
		   lib/site/snapshot.o lib/site/write.o
ADOPT_OBJS	 = lib/adopt/adopt.o
LIB_OBJS	 = $(BASE_OBJS) $(SOURCE_OBJS) $(DOC_OBJS) $(LINT_OBJS) \
		   $(REPORT_OBJS) $(SITE_OBJS) $(ADOPT_OBJS)
CMD_OBJS	 = cmd/main.o cmd/common.o cmd/cmd_adopt.o cmd/cmd_build.o \
		   cmd/cmd_init.o cmd/cmd_lint.o cmd/cmd_new.o \
		   cmd/cmd_rules.o cmd/cmd_show.o
UNIT_TESTS	 = test_base test_linkpath test_tmpl test_ttime test_infer test_lint test_config \
		   test_title \
		   test_history test_split test_doc
# libFuzzer targets, tests/fuzz/<name>.c, built by 'make fuzz' (clang).
FUZZ_TARGETS	 = fuzz_yaml fuzz_frontmatter fuzz_doc fuzz_rulepack \
		   fuzz_config fuzz_tmpl

DEFS		 = -DPM_VERSION='"$(VERSION)"' -DPM_DATADIR='"$(DATADIR)"'

.PHONY: all deps check test unit regress regen valgrind fuzz bench demo \
	install clean headercheck lint-man test-deps bench-deps

all: $(BUILD)/postmortem $(BUILD)/tools/gen-rules-md

$(BUILD)/libpm.a: $(addprefix $(BUILD)/,$(LIB_OBJS))
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/postmortem: $(addprefix $(BUILD)/,$(CMD_OBJS)) $(BUILD)/libpm.a
	$(CC) $(LDFLAGS) -o $@ $(addprefix $(BUILD)/,$(CMD_OBJS)) \
	    $(BUILD)/libpm.a $(PKG_LIBS)

$(BUILD)/%.o: %.c | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(DEFS) $(PKG_CFLAGS) -Ilib -Icmd \
	    -MMD -MP -c -o $@ $<

$(BUILD)/tests/unit/%: tests/unit/%.c tests/unit/harness.h $(BUILD)/libpm.a
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(LDFLAGS) $(PKG_CFLAGS) -Ilib \
	    -Itests/unit -o $@ $< $(BUILD)/libpm.a $(PKG_LIBS)

# docs/rules.md is generated from the rule table and its help.
$(BUILD)/tools/gen-rules-md: tools/gen-rules-md.c $(BUILD)/libpm.a
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(LDFLAGS) $(PKG_CFLAGS) -Ilib \
	    -o $@ $< $(BUILD)/libpm.a $(PKG_LIBS)

docs/rules.md: $(BUILD)/tools/gen-rules-md
	$(BUILD)/tools/gen-rules-md >$@.tmp && mv $@.tmp $@

$(BUILD)/.deps-ok:
	@$(PKG_CONFIG) --exists $(PKGS) 2>/dev/null || \
	    $(MAKE) --no-print-directory deps
	@mkdir -p $(@D) && touch $@

deps:
	@if [ "$$(id -u)" = 0 ]; then \
		echo "installing $(DEB_PKGS)"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		    $(DEB_PKGS) >/dev/null; \
	else \
		echo "missing libraries: run 'sudo make deps'" \
		    "(Debian: $(DEB_PKGS))" >&2; exit 1; \
	fi

# Tools the test suite drives (pre-commit, chromium, mandoc...), and those
# the benchmark measures against (cmark-gfm, hugo): the Debian packages
# not here yet (a package whose command is on PATH counts as here: npm
# may come with nodejs), one at a time, so that a failure costs only
# its own tests (they say they are skipped).
define install_pkgs
	@missing=; for p in $(1); do \
		case $$p in default-jre-headless) c=java ;; \
		time) c=/usr/bin/time ;; *) c=$$p ;; esac; \
		command -v $$c >/dev/null 2>&1 && continue; \
		dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
		echo "installing$$missing"; \
		apt-get update -qq; \
		for p in $$missing; do \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			    $$p >/dev/null 2>&1 || \
			    echo "note: could not install $$p" >&2; \
		done; \
	elif [ -n "$$missing" ]; then \
		echo "$(2) need:$$missing (sudo make $(3))" >&2; \
	fi
endef

bench-deps:
	$(call install_pkgs,$(DEB_BENCH_PKGS),benchmarks,bench-deps)

test-deps:
	$(call install_pkgs,$(DEB_TEST_PKGS),tests,test-deps)
	@# The Nu HTML checker, when npm and java are here (tests skip it
	@# with a note otherwise); into build/, never committed.
	@if [ ! -f build/vnu/node_modules/vnu-jar/build/dist/vnu.jar ] && \
	    command -v npm >/dev/null 2>&1 && command -v java >/dev/null 2>&1; \
	then \
		mkdir -p build/vnu && timeout 300 npm install --silent \
		    --no-audit --no-fund --prefix build/vnu vnu-jar \
		    >/dev/null 2>&1 || echo "note: could not install vnu-jar"; \
	fi
	@# axe-core and puppeteer-core (never plain puppeteer: it downloads
	@# a browser) drive Debian's chromium in tests/site/t-axe.sh.
	@if [ ! -f build/axe/node_modules/axe-core/axe.min.js ] && \
	    command -v npm >/dev/null 2>&1; then \
		mkdir -p build/axe && timeout 300 npm install --silent \
		    --no-audit --no-fund --prefix build/axe axe-core@4 \
		    puppeteer-core@24 >/dev/null 2>&1 || \
		    echo "note: could not install axe-core, puppeteer-core"; \
	fi
	@# Microsoft's SARIF Multitool (a self-contained .NET program in
	@# the npm package), for the SARIF checks of tests/lint/t-sarif.sh.
	@if [ ! -f build/sarif/node_modules/@microsoft/sarif-multitool/package.json ] && \
	    command -v npm >/dev/null 2>&1; then \
		mkdir -p build/sarif && timeout 300 npm install --silent \
		    --no-audit --no-fund --prefix build/sarif \
		    @microsoft/sarif-multitool >/dev/null 2>&1 || \
		    echo "note: could not install @microsoft/sarif-multitool"; \
	fi

unit: $(addprefix $(BUILD)/tests/unit/,$(UNIT_TESTS))

check: test-deps
	$(MAKE) SANITIZE=address,undefined all unit
	PM=build/san/postmortem BUILD=build/san sh tests/run.sh

test: all unit
	PM=build/postmortem BUILD=build sh tests/run.sh

regress: all
	PM=build/postmortem sh tests/run-regress.sh

regen: all
	PM=build/postmortem REGEN=1 sh tests/run-regress.sh

# Absolute: tests cd into the repositories they make.  tests/*/t-*.sh
# skip or shrink their big inputs when VALGRIND is set.  Every valgrind
# run (unit tests, $PM in every script) logs to build/valgrind/PID.log
# through VALGRIND_OPTS, and any non-empty log fails the target: a
# script that only compares stdout would not notice valgrind's report.
valgrind: all unit
	@rm -rf build/valgrind && mkdir -p build/valgrind
	VALGRIND_OPTS="--log-file=$(CURDIR)/build/valgrind/%p.log" \
	    PM="valgrind -q --error-exitcode=99 --leak-check=full \
	    $(CURDIR)/build/postmortem" BUILD=build VALGRIND=1 \
	    sh tests/run.sh; rc=$$?; \
	bad=$$(find build/valgrind -name '*.log' -size +0c | wc -l); \
	if [ "$$bad" -gt 0 ]; then \
		echo "valgrind: $$bad runs reported errors:"; \
		find build/valgrind -name '*.log' -size +0c | head -5 | \
		    xargs head -20; \
		exit 1; \
	fi; exit $$rc

# Fuzzing (tests/fuzz/README): the library sources compiled again with
# clang's libFuzzer and ASan+UBSan instrumentation into build/fuzz/, one
# binary per target, then each run for FUZZ_TIME seconds on a scratch
# corpus seeded from tests/fuzz/corpus/<target>/.  Crashers are written
# to build/fuzz/artifacts/<target>/ and end the run with status 1.
FUZZ_CC		?= clang
FUZZ_TIME	?= 60
FUZZ_CFLAGS	 = -g -O1 -fno-omit-frame-pointer \
		   -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB_OBJS	 = $(patsubst %.c,build/fuzz/obj/%.o,\
		   $(wildcard $(LIB_OBJS:.o=.c)))
FUZZ_BINS	 = $(addprefix build/fuzz/,$(FUZZ_TARGETS))

build/fuzz/obj/%.o: %.c | $(BUILD)/.deps-ok
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CSTD) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link $(DEFS) \
	    $(PKG_CFLAGS) -Ilib -Icmd -MMD -MP -c -o $@ $<

build/fuzz/libpm.a: $(FUZZ_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(FUZZ_BINS): build/fuzz/%: tests/fuzz/%.c build/fuzz/libpm.a
	$(FUZZ_CC) $(CSTD) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) \
	    -Ilib -o $@ $< build/fuzz/libpm.a $(PKG_LIBS)

fuzz: $(FUZZ_BINS)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build/fuzz/corpus/$$t build/fuzz/artifacts/$$t \
		    tests/fuzz/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_TIME)s"; \
		build/fuzz/$$t -max_total_time=$(FUZZ_TIME) -timeout=10 \
		    -rss_limit_mb=2048 -print_final_stats=1 \
		    -artifact_prefix=build/fuzz/artifacts/$$t/ \
		    $$(test -f tests/fuzz/$$t.dict && \
		    echo -dict=tests/fuzz/$$t.dict) \
		    build/fuzz/corpus/$$t tests/fuzz/corpus/$$t \
		    >build/fuzz/$$t.log 2>&1; rc=$$?; \
		grep -E '^stat::number_of_executed_units|^(==[0-9]+==)?ERROR|^SUMMARY|Test unit written' \
		    build/fuzz/$$t.log; \
		if [ $$rc -ne 0 ]; then \
			echo "fuzz: $$t failed (see build/fuzz/$$t.log)"; \
			exit 1; \
		fi; \
	done

demo: all
	@rm -rf build/demo-repo
	bash sample-postmortems/make-repo.sh build/demo-repo >/dev/null
	@build/postmortem -C build/demo-repo lint --today 2026-11-01 || \
	    echo "(the findings above are the deliberate problems listed in" \
	    "sample-postmortems/README.md)"
	@if build/postmortem help 2>/dev/null | grep -q '^ *build'; then \
		build/postmortem -C build/demo-repo build --out $(CURDIR)/site \
		    --today 2026-11-01 && echo "archive: site/index.html"; \
	fi

# The loading benchmark (bench/run.sh) and the stages' own (bench/*.sh).
bench: all bench-deps
	$(CC) $(CSTD) $(WARN) $(CFLAGS) $(DEFS) $(PKG_CFLAGS) -Ilib \
	    -o $(BUILD)/bench-load bench/load.c $(BUILD)/libpm.a $(PKG_LIBS)
	BUILD=$(BUILD) sh bench/run.sh

headercheck: | $(BUILD)/.deps-ok
	@for h in $$(find lib cmd -name '*.h'); do \
		printf '#include "%s"\n' "$${h#lib/}" | \
		$(CC) $(CSTD) $(WARN) $(PKG_CFLAGS) -Ilib -Icmd -x c \
		    -fsyntax-only - || exit 1; \
	done; echo "headers ok"

lint-man:
	mandoc -T lint -W warning postmortem.1

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules \
	    $(DESTDIR)$(DATADIR)/themes/default $(DESTDIR)$(MANDIR)/man1
	install -m 755 build/postmortem $(DESTDIR)$(BINDIR)/postmortem
	install -m 644 rules/*.yaml $(DESTDIR)$(DATADIR)/rules/
	cp -R themes/default/. $(DESTDIR)$(DATADIR)/themes/default/
	install -m 644 postmortem.1 $(DESTDIR)$(MANDIR)/man1/postmortem.1

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
