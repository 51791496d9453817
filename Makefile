# goaltables: `make run` sets up and runs on the samples; `make test` sets up and runs the checks.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The two real seed exports live beside the repository (../shared/seeds), never copied into it.
SEEDS  := $(wildcard ../shared/seeds)
# The table benchmark's peers (camelot, pdfplumber) live in their own environment: camelot is
# no dependency of goaltables. The cases are read in place from ../shared/tablebench.
BENCHVENV ?= .venv-bench
OUT    ?= out
# Documents in the generated layout corpus (bench/layout_corpus.py), e.g. make corpus CORPUS_COUNT=10
CORPUS_COUNT ?= 200

.DEFAULT_GOAL := help
.PHONY: help install run test lint format golden samples samples-pdf samples-docx samples-formats samples-cards samples-prose libreoffice chromium poppler pictures bench tablebench accuracy corpus linkcorpus clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "goaltables needs Python 3.11 or newer ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP) ## Create .venv with goaltables and its development tools

run: $(STAMP) ## Run goaltables on samples/ and the real seeds into out/, with out/report.html (LibreOffice installed where it can be; without it .doc/.odt/.rtf are skipped)
	@$(MAKE) --no-print-directory libreoffice || \
	  echo "going on without LibreOffice: the .doc, .odt and .rtf samples are skipped, the run still ends well"
	$(BIN)/goaltables run samples $(SEEDS) -o $(OUT)

test: $(STAMP) libreoffice chromium poppler ## Run the tests, then the linters
	$(BIN)/pytest
	$(MAKE) --no-print-directory lint

lint: $(STAMP) ## ruff (lint and format check) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy goaltables

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

golden: $(STAMP) ## Rewrite tests/golden/*.csv from the current code: review the diff like code
	$(BIN)/python -m tests.make_golden

samples: $(STAMP) ## Regenerate the text samples in samples/
	$(BIN)/python samples/make_text_samples.py

samples-pdf: $(STAMP) ## Regenerate the PDF/DOCX corpus (installs LibreOffice and Chromium with apt-get)
	@command -v soffice >/dev/null && command -v chromium >/dev/null || { \
	  echo "installing LibreOffice and Chromium (Debian packages)"; \
	  apt-get update -q && apt-get install -y -q libreoffice-writer-nogui fonts-dejavu \
	    fonts-liberation poppler-utils chromium; }
	$(BIN)/pip install --quiet -e '.[samples]'
	$(BIN)/python samples/make_pdf_samples.py

libreoffice: ## Install LibreOffice Writer and Calc (read .doc/.odt/.rtf; check goals.xlsx) with apt-get when missing
	@program=$$(dirname "$$(readlink -f "$$(command -v soffice)" 2>/dev/null)" 2>/dev/null); \
	test -e "$$program/libswlo.so" -a -e "$$program/libsclo.so" || { \
	  echo "installing LibreOffice Writer and Calc (Debian libreoffice-writer-nogui, libreoffice-calc-nogui)"; \
	  apt-get update -q && apt-get install -y -q libreoffice-writer-nogui libreoffice-calc-nogui; } || { \
	  echo "could not install LibreOffice: .doc, .odt and .rtf cannot be read (run as root, or install libreoffice-writer-nogui and libreoffice-calc-nogui)"; exit 1; }

poppler: ## Install poppler-utils (pdftotext: the text-dump tests, make bench) with apt-get when missing
	@command -v pdftotext >/dev/null || { echo "installing poppler-utils (Debian package poppler-utils)"; \
	  apt-get update -q && apt-get install -y -q poppler-utils; } || { \
	  echo "could not install poppler-utils: the text-dump tests need pdftotext (run as root, or install poppler-utils)"; exit 1; }

chromium: ## Install Chromium (renders the report page in the tests) with apt-get when missing
	@command -v chromium >/dev/null || { echo "installing Chromium (Debian package chromium)"; \
	  apt-get update -q && apt-get install -y -q chromium; } || { \
	  echo "could not install Chromium: the report page cannot be checked (run as root, or install chromium)"; exit 1; }

pictures: $(STAMP) libreoffice chromium ## Redraw docs/report.png, docs/report-phone.png and docs/workbook.png from the sample series
	$(BIN)/python -m docs.make_pictures

bench: $(STAMP) libreoffice ## Time goaltables against pdftotext and pdfplumber, and a 200-file batch; writes BENCHMARKS.md
	@command -v pdftotext >/dev/null || { echo "installing poppler-utils (pdftotext)"; \
	  apt-get update -q && apt-get install -y -q poppler-utils; }
	$(BIN)/python bench/run.py
	$(MAKE) --no-print-directory tablebench
	$(MAKE) --no-print-directory linkcorpus

tablebench: $(STAMP) libreoffice ## Cell F1 and s/page of `goaltables tables` against pdfplumber and camelot on ../shared/tablebench; a section of BENCHMARKS.md
	@test -x $(BENCHVENV)/bin/python || $(PYTHON) -m venv $(BENCHVENV)
	@$(BENCHVENV)/bin/python -c 'import camelot, pdfplumber' 2>/dev/null || \
	  $(BENCHVENV)/bin/pip install --quiet camelot-py pdfplumber || \
	  echo "camelot could not be installed in $(BENCHVENV): its columns stay empty"
	BENCH_PYTHON=$(BENCHVENV)/bin/python $(BIN)/python bench/tablebench.py

accuracy: $(STAMP) ## Score the real reports in ../shared/real against their gold, and the samples; writes ACCURACY.md
	@test -d ../shared/real || { echo "accuracy needs ../shared/real beside the repository"; exit 1; }
	$(BIN)/python bench/accuracy.py

corpus: $(STAMP) ## Generate random goal-table layouts with gold (bench/.data/layout-corpus), score goaltables on them and on their pdftotext dumps; writes bench/CORPUS.md, bench/DUMPS.md
	@command -v soffice >/dev/null && command -v chromium >/dev/null || { \
	  echo "make corpus needs LibreOffice (soffice) and Chromium on PATH: run 'make libreoffice chromium'"; \
	  echo "or apt-get install libreoffice-writer-nogui chromium"; exit 1; }
	$(BIN)/python bench/layout_corpus.py generate --count $(CORPUS_COUNT)
	$(BIN)/python bench/layout_corpus.py score --markdown bench/CORPUS.md
	$(BIN)/python bench/dumps.py --modes layout,raw,default --corpus bench/.data/layout-corpus --limit 0 --gold --markdown bench/DUMPS.md

linkcorpus: $(STAMP) libreoffice poppler ## Generate 4 years of two cities' reports as DOCX, PDF and text (bench/.data/link-corpus), score goaltables' links on them; a section of BENCHMARKS.md
	$(BIN)/python bench/link_corpus.py generate
	$(BIN)/python bench/link_corpus.py score --write

samples-docx: $(STAMP) ## Regenerate samples/docx/ (numbering, tracked changes, nested tables, symbols)
	$(BIN)/python samples/make_docx_samples.py

samples-cards: $(STAMP) libreoffice ## Regenerate samples/cards/ (cards with alternating label rows, a far legend)
	$(BIN)/pip install --quiet -e '.[samples]'
	$(BIN)/python samples/make_card_samples.py

samples-prose: $(STAMP) libreoffice ## Regenerate samples/prose/ (goals in the body text: labels, indents, page breaks)
	$(BIN)/pip install --quiet -e '.[samples]'
	$(BIN)/python samples/make_prose_samples.py

samples-formats: $(STAMP) libreoffice ## Regenerate samples/formats/ (one report in ODT, DOC, RTF, HTML, XLSX, CSV)
	$(BIN)/python samples/make_format_samples.py

clean: ## Remove the virtual environment, caches and out/
	rm -rf $(VENV) $(BENCHVENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache *.egg-info
