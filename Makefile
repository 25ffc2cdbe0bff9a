# PA Employer Toolkit.
#   make run    build and open the app on your usual data file
#   make test   vet, test everything (no display needed) and build the window
#               (-short: the kill tests run 8 kills a job; go test -run Kill
#               -count=1 ./cmd/patoolkit runs 50)
#   make bench  run the speed benchmarks
# Both install what they need first (scripts/deps.sh).

GO    ?= go
BIN   ?= patoolkit
TAGS  := ci,migrated_fynedo

.PHONY: run build test bench deps clean

deps:
	@scripts/deps.sh

build: deps
	$(GO) build -o $(BIN) ./cmd/patoolkit

run: build
	./$(BIN)

test:
	@scripts/deps.sh test
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet -tags $(TAGS) ./...
	$(GO) test -race -short -timeout 30m -tags $(TAGS) ./...
	$(GO) test -short -count=1 -tags $(TAGS) -run TestScreensAtEveryTextSize ./ui
	$(GO) build -o /dev/null ./cmd/patoolkit

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

clean:
	rm -f $(BIN)
