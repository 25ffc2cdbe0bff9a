# PA Employer Toolkit.
#   make run    build and open the app on your usual data file
#   make test   vet, test everything (no display needed) and build the window
#               (-short: the kill tests run 8 kills a job; go test -run Kill
#               -count=1 ./cmd/patoolkit runs 50)
#   make bench  run the speed benchmarks
#   make accessible  build the window with Fyne's screen-reader bridge
#               (Windows and macOS; see "Using a screen reader" in README.md)
# Both install what they need first (scripts/deps.sh).

GO    ?= go
BIN   ?= patoolkit
TAGS  := ci,migrated_fynedo
# The tags every release build uses: accessibility turns on Fyne's
# screen-reader bridge (Windows and macOS; it does nothing on Linux).
RELEASE_TAGS := accessibility

.PHONY: run build accessible test bench deps clean

deps:
	@scripts/deps.sh

build: deps
	$(GO) build -o $(BIN) ./cmd/patoolkit

accessible: deps
	$(GO) build -tags $(RELEASE_TAGS) -o $(BIN) ./cmd/patoolkit

run: build
	./$(BIN)

test:
	@scripts/deps.sh test
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -race -short -timeout 30m -tags $(TAGS) ./...
	$(GO) test -short -count=1 -tags $(TAGS) -run TestScreensAtEveryTextSize ./ui
	$(GO) build -o /dev/null ./cmd/patoolkit
	$(GO) vet -tags $(RELEASE_TAGS),$(TAGS) ./ui
	$(GO) build -tags $(RELEASE_TAGS) -o /dev/null ./cmd/patoolkit

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN)
