# Saima — one-command set-up on a fresh Debian machine (root or sudo), then build and run.
SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libcurl4-openssl-dev libssl-dev pkg-config libxml2
# The tests start real PostgreSQL servers of their own (initdb in a temporary folder, 127.0.0.1, a free port), and
# convert a report to PDF with headless chromium (CJK fonts so the Chinese text renders).
TEST_PACKAGES := postgresql chromium fonts-noto-cjk
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps testdeps demo test crosscheck bench

## Install the system packages Saima links against, when any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Install what the tests need beyond the build, when missing.
testdeps:
	@missing=""; for p in $(TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## The main job on the bundled defaults: validate everything, then a whole demo round against
## local baseline models (report in runs/demo/report.html).
demo: deps
	$(SWIFT) build --product saima
	.build/debug/saima validate
	SWIFT_BACKTRACE=enable=no .build/debug/saima demo

## The runner benchmark (prints saima's, curl's and wrk's figures).
bench: deps
	@command -v wrk >/dev/null || { $(SUDO) apt-get install -y -qq wrk || true; }
	$(SWIFT) build -c release --product saima
	SWIFT_BACKTRACE=enable=no .build/release/saima bench

## The test suite.
test: deps testdeps
	SWIFT_BACKTRACE=enable=no $(SWIFT) test
