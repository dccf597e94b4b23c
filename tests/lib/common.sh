# common.sh -- what the CLI test scripts share: arguments, a scratch folder,
# counting checks, and running isnad with its exit status and output kept.
# Sourced by tests/*.sh after setting TEST_NAME; they end with `finish`.
#
#   bash tests/NAME.sh /path/to/isnad /path/to/source-dir

if [ $# -lt 1 ]; then
    echo "usage: bash $0 /path/to/isnad [/path/to/source-dir]" >&2
    exit 2
fi
case "$1" in
/*) ISNAD=$1 ;;
*) ISNAD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") ;;
esac
SRC=${2:-.}
if [ -z "${ISNAD_DATA:-}" ] && [ -d "$SRC/data" ]; then
    ISNAD_DATA=$(cd "$SRC/data" && pwd)
    export ISNAD_DATA
fi
if [ ! -x "$ISNAD" ]; then
    echo "FAIL: $ISNAD is not an executable" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
command -v python3 >/dev/null || { echo "FAIL: python3 is needed" >&2; echo "0 passed, 1 failed"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/isnad-$TEST_NAME.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/in" "$T/o"
OUT=$T/o/stdout
ERR=$T/o/stderr
cd "$T/in" || exit 1

pass=0
fail=0
GROUP=""
RC=""
CMD=""

group() { GROUP=$1; }

ok() { pass=$((pass + 1)); }

ko() {
    fail=$((fail + 1))
    echo "FAIL [$GROUP] $1"
    echo "    command: $CMD"
    shift
    local l
    for l in "$@"; do echo "    $l"; done
}

show_file() { # the first lines of a file, indented, for a failure message
    sed -n '1,8p' "$1" | cut -c1-300 | sed 's/^/      | /'
}

# run ARGS... : runs isnad extract ARGS (stdin as the caller redirects it),
# leaving the exit status in RC and the output in $OUT and $ERR.
run() {
    CMD="isnad extract $*"
    "$ISNAD" extract "$@" >"$OUT" 2>"$ERR"
    RC=$?
}

expect_rc() {
    if [ "$RC" = "$1" ]; then ok; else
        ko "exit status is $RC, expected $1" "stderr:"
        show_file "$ERR"
    fi
}

# stderr contains this exact substring
expect_err() {
    if grep -qF -- "$1" "$ERR"; then ok; else
        ko "stderr does not contain: $1" "stderr:"
        show_file "$ERR"
    fi
}

# the closing line ctest and CI read, and the exit status
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
