# isnad -- the two commands of the README, and the rest.
#
#   make          build build/isnad and libisnad
#   make run      install what is needed, build, run isnad on examples/
#   make test     build and run every test, normally and under ASan+UBSan
#   make bench    throughput and memory (bench/)
#
# The Makefile only wraps CMake; the build itself is CMakeLists.txt.

JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
BUILD   ?= build
SANBUILD ?= build-asan

.PHONY: all deps run test test-plain test-sanitize bench clean

all:
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

deps:
	@scripts/install-deps

run: deps all
	$(BUILD)/isnad extract examples/

test: deps test-plain test-sanitize

test-plain: all
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize:
	@cmake -S . -B $(SANBUILD) -DCMAKE_BUILD_TYPE=Debug -DISNAD_SANITIZE=ON >/dev/null
	@cmake --build $(SANBUILD) -j $(JOBS)
	cd $(SANBUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps all
	scripts/install-deps --bench
	bench/run

clean:
	rm -rf $(BUILD) $(SANBUILD)
