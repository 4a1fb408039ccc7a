#!/bin/sh
# Runs the test suite with HOME and every XDG_* base directory pointed at an
# empty directory that nothing may write: a test that reads or writes the
# user's own files (rather than its temporary directories) fails or is
# caught by the check at the end.
#
#   scripts/test-sealed-home.sh [cargo test arguments...]
#
# Root ignores mode bits, so as root the directory is a read-only tmpfs
# mounted in a private mount namespace (`unshare -m`); otherwise it is an
# empty directory of mode 0555. Cargo and rustup keep their own homes.
set -eu
cd "$(dirname "$0")/.."
: "${CARGO_HOME:=$HOME/.cargo}"
: "${RUSTUP_HOME:=$HOME/.rustup}"
export CARGO_HOME RUSTUP_HOME
sealed=$(mktemp -d)
trap 'rmdir "$sealed"' EXIT
run() {
    env HOME="$sealed" XDG_CONFIG_HOME="$sealed" XDG_STATE_HOME="$sealed" \
        XDG_CACHE_HOME="$sealed" XDG_DATA_HOME="$sealed" XDG_RUNTIME_DIR="$sealed" \
        cargo test --locked "$@"
}
if [ "$(id -u)" = 0 ]; then
    # The suite is built first, outside the namespace, so the sealed run
    # only runs it.
    cargo test --locked --no-run "$@"
    export sealed
    unshare -m sh -c '
        set -eu
        mount -t tmpfs -o ro,size=64k tmpfs "$sealed"
        env HOME="$sealed" XDG_CONFIG_HOME="$sealed" XDG_STATE_HOME="$sealed" \
            XDG_CACHE_HOME="$sealed" XDG_DATA_HOME="$sealed" XDG_RUNTIME_DIR="$sealed" \
            cargo test --locked "$@"
        # Nothing could be written there, and nothing was.
        test -z "$(ls -A "$sealed")"
        echo "sealed-home run: passed, $sealed (read-only tmpfs) left empty"
    ' sh "$@"
    exit 0
fi
chmod 0555 "$sealed"
run "$@"
test -z "$(ls -A "$sealed")"
chmod 0755 "$sealed"
echo "sealed-home run: passed, $sealed (mode 0555) left empty"
