#!/usr/bin/env bash
# Prepares OpenStack Swift (with its s3api middleware) for the S3 tests against a real S3 implementation, from the
# Debian packages of the machine's release, without installing them: the packages and the Python libraries they need
# (those the machine lacks) are downloaded with `apt-get download` and unpacked with `dpkg -x` under .cache/swift/root.
# The servers run from there with Debian's /usr/bin/python3 (test/support/swift.ts starts them).
# Swift reads its cluster settings from the fixed path /etc/swift/swift.conf: written when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

CACHE="${SWIFT_CACHE_DIR:-$PWD/.cache/swift}"
PYTHON=/usr/bin/python3
# The servers' packages (their programs and default configuration) and the library package everything else hangs off.
SERVER_PACKAGES="swift swift-proxy swift-object swift-container swift-account"
ROOT_PACKAGES="python3-swift liberasurecode1"

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
        echo "prepare-swift: '$*' needs root" >&2
        exit 1
    fi
}

# Every package installed on the machine, once (dpkg-query per package is slow).
declare -A installed=()
while read -r name status; do [ "$status" = installed ] && installed[$name]=1; done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n')

# The packages are built for the release's own Python.
if [ ! -x "$PYTHON" ]; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq python3 >/dev/null
fi
if [ -z "$(apt-cache policy python3-swift 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {print $2}')" ]; then
    as_root apt-get update -qq
fi

# Python and library packages that python3-swift needs, recursively, except the interpreter itself and what is
# installed already; one apt-cache call per level of the walk. Alternatives are all followed (a few small extras).
declare -A seen=()
level=($ROOT_PACKAGES)
wanted=()
while [ ${#level[@]} -gt 0 ]; do
    for package in "${level[@]}"; do
        seen[$package]=1
        if [[ " $ROOT_PACKAGES " == *" $package "* ]] || [ -z "${installed[$package]:-}" ]; then wanted+=("$package"); fi
    done
    next=()
    for dependency in $(apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces --no-enhances \
        "${level[@]}" 2>/dev/null | awk '
            /^ [ |](Pre)?Depends:/ { virtual = ($2 ~ /^</); if (!virtual) print $2; next }
            /^    / { if (virtual) print $1; next }
            { virtual = 0 }' | sort -u); do
        case "$dependency" in
            python3 | python3-minimal | python3.* | libpython3* | python3-distutils | python3-lib2to3 | *-perl) continue ;;
            python3-* | lib*) [ -z "${seen[$dependency]:-}" ] && next+=("$dependency") ;;
        esac
    done
    level=("${next[@]}")
done

packages=($SERVER_PACKAGES "${wanted[@]}")
stamp="$(apt-cache policy "${packages[@]}" | awk '/^[^ ]/ {name = $1} /Candidate:/ {print name $2}' | sed 's/:/=/' | sort)"
if [ -f "$CACHE/stamp" ] && [ "$(cat "$CACHE/stamp")" = "$stamp" ] && [ -d "$CACHE/root/usr/lib/python3/dist-packages/swift" ]; then
    echo "prepare-swift: ${#packages[@]} packages already unpacked under $CACHE/root"
else
    rm -rf "$CACHE/debs" "$CACHE/root" "$CACHE/stamp"
    mkdir -p "$CACHE/debs" "$CACHE/root"
    # Stale package lists name versions the mirror no longer has: refresh them once and try again.
    (cd "$CACHE/debs" && apt-get -qq -o APT::Sandbox::User=root download "${packages[@]}") ||
        { as_root apt-get update -qq && (cd "$CACHE/debs" && apt-get -qq -o APT::Sandbox::User=root download "${packages[@]}"); }
    for deb in "$CACHE"/debs/*.deb; do dpkg -x "$deb" "$CACHE/root"; done
    echo "$stamp" >"$CACHE/stamp"
    echo "prepare-swift: downloaded and unpacked ${#packages[@]} packages under $CACHE/root"
fi

if [ ! -f /etc/swift/swift.conf ]; then
    as_root mkdir -p /etc/swift
    printf '%s\n' "[swift-hash]" "swift_hash_path_suffix = backbone-tests" "swift_hash_path_prefix = backbone-tests" "" \
        "[storage-policy:0]" "name = Policy-0" "default = yes" | as_root tee /etc/swift/swift.conf >/dev/null
fi

libdir="$(find "$CACHE/root/usr/lib" -maxdepth 1 -type d -name '*-linux-gnu' | head -1)"
PYTHONPATH="$CACHE/root/usr/lib/python3/dist-packages" LD_LIBRARY_PATH="$libdir" "$PYTHON" -c \
    "import swift.proxy.server, swift.obj.server, swift.container.server, swift.account.server, swift.common.middleware.s3api.s3api, swift.common.middleware.tempauth, pyeclib.ec_iface, xattr, lxml.etree" ||
    {
        echo "prepare-swift: Swift does not load with $PYTHON" >&2
        exit 1
    }
