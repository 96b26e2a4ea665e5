# The two commands of the README. Each installs what it needs first (see .ci/setup).
.PHONY: serve test

export PATH := $(CURDIR)/tests/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Builds the app with the demo catalog and serves it on http://127.0.0.1:8080/, exactly as
# built: no live-reload script, which would break the strict Content-Security-Policy the
# build enforces (.ci/post-build.mjs refuses inline scripts).
serve:
	bash .ci/setup
	trunk serve --release --offline --locked --no-autoreload

# Runs every check and test, as CI does.
test:
	bash .ci/test
