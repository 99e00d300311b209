# vnextract: every target creates .venv and installs the project when needed, so a
# fresh machine with only Python needs one command.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SHARED := ../shared
TEXTS  := --texts corpus $(if $(wildcard $(SHARED)/articles),--texts $(SHARED)/articles --texts $(SHARED)/layouts/raw,--skip-missing)

.PHONY: install demo test lint fuzz bench report screenshot plot partners-plot baselines train-layout layout-cv site-templates-eval clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## make demo: run the pipeline over corpus/ (and the shared gold articles) and score it against gold/
demo: $(STAMP)
	$(BIN)/vnextract run corpus -o out/records.jsonl -j 1
	@if [ -d $(SHARED)/articles ]; then $(BIN)/vnextract run $(SHARED)/articles $(SHARED)/layouts/raw -o out/gold-articles.jsonl -j 1 -q; cat out/records.jsonl out/gold-articles.jsonl > out/all.jsonl; else cp out/records.jsonl out/all.jsonl; fi
	$(BIN)/vnextract eval --gold gold --pred out/all.jsonl $(TEXTS)

## make test: lint, validate the gold set, run the test suite
test: $(STAMP)
	$(BIN)/ruff check extract tests
	$(BIN)/vnextract validate gold $(TEXTS)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check extract tests
	$(BIN)/ruff format --check extract tests

## make fuzz: the hypothesis fuzz tests with many more examples
fuzz: $(STAMP)
	VNEXTRACT_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -q tests/test_hostile.py -k fuzz

## make site-templates-eval: paragraph-line F1 with and without --site-templates, on each layout site's
## pages plus synthetic siblings built in a temporary folder (needs ../shared/layouts)
site-templates-eval: $(STAMP)
	$(BIN)/python docs/site_templates_eval.py --every-site
	$(BIN)/python docs/site_templates_eval.py --every-site --header-only

## make bench: throughput per stage against underthesea's word_tokenize
bench: $(STAMP)
	$(BIN)/vnextract bench

## make report: the HTML evaluation report
report: demo
	$(BIN)/vnextract eval --gold gold --pred out/all.jsonl $(TEXTS) --html out/report.html --json out/score.json

## make screenshot: the HTML report rendered by headless Chromium to out/report.png
screenshot: report
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
	  --disable-component-update --disable-sync --user-data-dir=out/chrome-profile --window-size=1200,1600 \
	  --screenshot=$(CURDIR)/out/report.png file://$(CURDIR)/out/report.html
	@echo "screenshot: out/report.png"

## make plot: the README's figure (amounts by year of publication, counts by category)
plot: $(STAMP)
	$(BIN)/vnextract run corpus -o out/records.jsonl -j 1 -q
	$(BIN)/python docs/make_plot.py out/records.jsonl docs/amounts.png

## make partners-plot: the README's v2 analysis (money by province, kind and stage; partner countries) over the bench corpus
partners-plot: $(STAMP)
	$(BIN)/vnextract run $(SHARED)/corpus-bench/articles.jsonl -o out/bench-records.jsonl -j 2 -q
	$(BIN)/python docs/make_partners_plot.py out/bench-records.jsonl docs/partners.png

## make train-layout: fit the layout model on every labelled page -> patterns/layout_model.json
train-layout: $(STAMP)
	$(BIN)/python -m extract.segment.train --out patterns/layout_model.json

## make layout-cv: the layout model by cross-validation grouped by site, beside the v1 rules
layout-cv: $(STAMP)
	$(BIN)/vnextract eval --gold gold --layout-cv $(TEXTS)

## make baselines: jusText and underthesea baselines against the segmenter, on the gold set
baselines: $(STAMP)
	$(BIN)/python docs/compare_baselines.py $(TEXTS)

clean:
	rm -rf out .pytest_cache .ruff_cache
