# copydesk - build, test and install the suite.
# make [all] | check | eval | bench | demo | deps | install | uninstall | clean
# Honours CC CFLAGS LDFLAGS PREFIX DESTDIR; SANITIZE=1 builds with ASan+UBSan
# into build/san (so the two builds never mix).

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
SHAREDIR  = $(PREFIX)/share/copydesk
RULESDIR  = $(SHAREDIR)/rules

CC       ?= cc
PKGS      = libpcre2-8 yaml-0.1 libutf8proc jansson libxxhash
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# The libraries a program links (pkg-config names); a program not listed
# links all of PKGS. (libxxhash is header-only here: hash.h inlines XXH3.)
text2tsv_PKGS          = jansson
tsv2text_PKGS          =
split-sentences_PKGS   = yaml-0.1 libutf8proc
strip-boilerplate_PKGS = libpcre2-8 yaml-0.1 libutf8proc

CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS_ALL = -D_GNU_SOURCE -Icommon -DCOPYDESK_VERSION='"$(VERSION)"' \
	-DCOPYDESK_RULES_DIR='"$(RULESDIR)"' $(PKG_CFLAGS) $(CPPFLAGS)

ifeq ($(FUZZ),1)
# the fuzzing build (make fuzz): clang, libFuzzer's coverage, ASan+UBSan
override CC = clang
BUILD     = build/fuzz
SANFLAGS  = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else ifeq ($(SANITIZE),1)
BUILD     = build/san
SANFLAGS  = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
BUILD     = build/plain
SANFLAGS  =
endif
BIN       = $(if $(filter 1,$(SANITIZE)),$(BUILD)/bin,bin)

ALL_CFLAGS  = $(WARN) $(CFLAGS) $(SANFLAGS)
ALL_LDFLAGS = $(SANFLAGS) $(LDFLAGS)
LIBS        = $(PKG_LIBS) -lm

COMMON_SRC = $(sort $(wildcard common/*.c))
COMMON_OBJ = $(COMMON_SRC:%.c=$(BUILD)/%.o)
LIBCOMMON  = $(BUILD)/libcopydesk.a

TOOLS      = $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard tools/*/main.c)))))
PROGS      = $(TOOLS:%=$(BIN)/%)

UNIT_SRC   = $(sort $(wildcard tests/unit/*.c))
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check eval bench demo deps install uninstall clean fuzz fuzz-run
all: $(PROGS)

$(BUILD)/%.o: %.c $(wildcard common/*.h) $(wildcard tools/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) -c -o $@ $<

# Objects that compile in PREFIX or VERSION are rebuilt when those change.
CONFIG_STAMP := $(BUILD)/config-$(shell echo '$(RULESDIR) $(VERSION)' | cksum | cut -d' ' -f1).stamp
$(CONFIG_STAMP):
	@mkdir -p $(dir $@)
	@rm -f $(BUILD)/config-*.stamp
	@touch $@
$(BUILD)/common/rules.o $(BUILD)/common/cli.o: $(CONFIG_STAMP)

$(LIBCOMMON): $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# Each tool: tools/NAME/main.c is the CLI, the other files its engine,
# archived as build/.../engine-NAME.a so unit tests can link it.
define tool_rules
$(1)_ENGINE_SRC = $$(filter-out tools/$(1)/main.c,$$(wildcard tools/$(1)/*.c))
$(1)_ENGINE_OBJ = $$($(1)_ENGINE_SRC:%.c=$$(BUILD)/%.o)
$$(BUILD)/engine-$(1).a: $$($(1)_ENGINE_OBJ)
	@rm -f $$@
	$$(AR) rcs $$@ $$^ $$(if $$^,,)
$(1)_PKGS ?= $$(PKGS)
$$(BIN)/$(1): $$(BUILD)/tools/$(1)/main.o $$(BUILD)/engine-$(1).a $$(LIBCOMMON)
	@mkdir -p $$(dir $$@)
	$$(CC) $$(ALL_LDFLAGS) -o $$@ $$^ $$(if $$(strip $$($(1)_PKGS)),$$(shell pkg-config --libs $$($(1)_PKGS))) -lm
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rules,$(t))))

# tests/unit/NAME_*.c links the engine of tools/NAME when there is one.
$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIBCOMMON) $(PROGS)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -Itests/unit -Itools -Itools/$(firstword $(subst _, ,$*)) \
		$(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
		$(wildcard $(BUILD)/engine-$(firstword $(subst _, ,$*)).a) $(LIBCOMMON) $(LIBS)

# The libFuzzer harnesses (tests/fuzz/README): tests/fuzz/NAME.c links the
# engines of the programs it names in FUZZ_ENGINES_NAME and common/, all
# built with clang -fsanitize=fuzzer,address,undefined into build/fuzz.
# make fuzz builds them (a message and nothing else without clang or
# libFuzzer); make fuzz-run FUZZTIME=60 fuzzes each for FUZZTIME seconds
# from its seed corpus; make check replays the corpora and reproducers.
FUZZ_SRC     = $(sort $(wildcard tests/fuzz/*.c))
FUZZ_NAMES   = $(FUZZ_SRC:tests/fuzz/%.c=%)
FUZZ_BIN     = $(FUZZ_NAMES:%=build/fuzz/fuzz/%)
FUZZTIME    ?= 60
FUZZ_ENGINES_tsv         =
FUZZ_ENGINES_text2tsv    = text2tsv
FUZZ_ENGINES_boilerplate = strip-boilerplate
FUZZ_ENGINES_sentences   = split-sentences
FUZZ_ENGINES_entities    = tag-entities
FUZZ_ENGINES_quotes      = extract-quotes
FUZZ_ENGINES_dedupe      = dedupe
FUZZ_ENGINES_rules       = strip-boilerplate split-sentences tag-entities extract-quotes dedupe
HAVE_FUZZ = $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' | \
	clang -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null && echo y)

fuzz:
	@if [ "$(HAVE_FUZZ)" = y ]; then $(MAKE) --no-print-directory FUZZ=1 fuzz-build; \
	else echo "make fuzz: skipped: clang with libFuzzer (-fsanitize=fuzzer) is not installed (apt-get install clang libclang-rt-dev)"; fi

ifeq ($(FUZZ),1)
.SECONDEXPANSION:
fuzz-build: $(FUZZ_BIN)
build/fuzz/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(LIBCOMMON) \
		$$(foreach e,$$(FUZZ_ENGINES_$$*),build/fuzz/engine-$$(e).a)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) -DFUZZ_RULES_DIR='"$(abspath rules)"' -Itools \
		$(foreach e,$(FUZZ_ENGINES_$*),-Itools/$(e)) $(WARN) -O1 -g \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
		-Wl,--wrap=exit,--wrap=yaml_parser_initialize,--wrap=yaml_parser_delete -o $@ $< $(foreach e,$(FUZZ_ENGINES_$*),build/fuzz/engine-$(e).a) \
		$(LIBCOMMON) $(LIBS)
endif

# Each harness for FUZZTIME seconds, one at a time in one process, with
# tests/fuzz/NAME.dict when there is one (new inputs it finds go to
# build/fuzz/corpus/NAME, crashes to build/fuzz/crash/NAME/).
fuzz-run: fuzz
	@[ "$(HAVE_FUZZ)" = y ] || exit 0; for n in $(FUZZ_NAMES); do \
		mkdir -p build/fuzz/corpus/$$n build/fuzz/crash/$$n; \
		echo "fuzz-run: $$n for $(FUZZTIME) s"; \
		nice build/fuzz/fuzz/$$n -max_total_time=$(FUZZTIME) -timeout=10 \
			-rss_limit_mb=2048 -artifact_prefix=build/fuzz/crash/$$n/ -print_final_stats=1 \
			$$([ -f tests/fuzz/$$n.dict ] && echo -dict=tests/fuzz/$$n.dict) \
			build/fuzz/corpus/$$n tests/fuzz/corpus/$$n $$([ -d tests/fuzz/regress/$$n ] && echo tests/fuzz/regress/$$n) || exit 1; \
	done

check: $(PROGS) $(UNIT_BIN)
	@if [ "$(HAVE_FUZZ)" = y ]; then $(MAKE) --no-print-directory FUZZ=1 fuzz-build >/dev/null || exit 1; fi
	@BIN=$(abspath $(BIN)) UNIT="$(abspath $(UNIT_BIN))" \
		FUZZ="$(if $(filter y,$(HAVE_FUZZ)),$(abspath $(FUZZ_BIN)))" sh tests/run-all.sh

demo: $(PROGS)
	@BIN=$(abspath $(BIN)) sh examples/demo.sh

BENCH_BIN = $(BUILD)/bench/tsv-passthrough
$(BUILD)/bench/%: bench/%.c $(LIBCOMMON)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBCOMMON) $(LIBS)

# The ICU peer of split-sentences (bench/icu-sentences.c), for the eval and
# speed scripts: built only when pkg-config finds ICU (libicu-dev); without
# it the scripts leave the ICU column out and say so.
ICU_PKGS  = icu-uc icu-i18n
ICU_BIN  := $(if $(shell pkg-config --exists $(ICU_PKGS) && echo y),$(BUILD)/bench/icu-sentences)
ifneq ($(ICU_BIN),)
$(ICU_BIN): bench/icu-sentences.c $(LIBCOMMON)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS_ALL) $(shell pkg-config --cflags $(ICU_PKGS)) $(ALL_CFLAGS) $(ALL_LDFLAGS) \
		-o $@ $< $(LIBCOMMON) $(LIBS) $(shell pkg-config --libs $(ICU_PKGS))
endif

eval: $(PROGS) $(ICU_BIN)
	@BIN=$(abspath $(BIN)) ICU=$(abspath $(ICU_BIN)) sh bench/eval.sh

bench: $(PROGS) $(BENCH_BIN) $(ICU_BIN)
	@BIN=$(abspath $(BIN)) ICU=$(abspath $(ICU_BIN)) sh bench/bench.sh

deps:
	sh scripts/install-deps.sh

install: $(PROGS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(RULESDIR)
	for p in $(TOOLS); do cp $(BIN)/$$p $(DESTDIR)$(BINDIR)/$$p; done
	for m in man/*.1; do [ -f "$$m" ] && cp $$m $(DESTDIR)$(MANDIR)/man1/ || true; done
	cp man/copydesk.7 $(DESTDIR)$(MANDIR)/man7/
	for r in rules/*.yaml; do [ -f "$$r" ] && cp $$r $(DESTDIR)$(RULESDIR)/ || true; done
	@# the lists the rules files read (gazetteers, word lists, their README)
	mkdir -p $(DESTDIR)$(RULESDIR)/lists
	for r in rules/lists/*; do [ -f "$$r" ] && cp $$r $(DESTDIR)$(RULESDIR)/lists/ || true; done

uninstall:
	for p in $(TOOLS); do rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/man1/$$p.1; done
	rm -f $(DESTDIR)$(MANDIR)/man7/copydesk.7
	rm -rf $(DESTDIR)$(RULESDIR)
	-rmdir $(DESTDIR)$(SHAREDIR) 2>/dev/null
	@# a staged tree: the directories install made below DESTDIR, when empty
	@[ -z "$(DESTDIR)" ] || for d in $(BINDIR) $(MANDIR)/man1 $(MANDIR)/man7; do \
		while [ -n "$$d" ] && rmdir "$(DESTDIR)$$d" 2>/dev/null; do d=$${d%/*}; done; done

clean:
	rm -rf build bin
