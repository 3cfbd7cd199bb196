#!/bin/sh
# make deb-check: install the .deb into this machine with apt-get, run what it installed,
# validate its desktop files, then remove it again (CI does this on every run).
#
#   packaging/linux/deb_check.sh dist/readout-desktop_VERSION_ARCH.deb
#
# Refuses to run over a readout-desktop installed by someone else (it removes it at the
# end) unless CI is set. Needs root (or sudo).
set -eu

deb=$(readlink -f "$1")
expected_version=$2
sudo=
[ "$(id -u)" = 0 ] || sudo=sudo
work=$(mktemp -d "${TMPDIR:-/tmp}/readout-deb-check.XXXXXX")

say() { printf 'deb-check: %s\n' "$*"; }
fail() { printf 'deb-check: FAILED: %s\n' "$*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' readout-desktop 2>/dev/null | grep -q "ok installed"; then
    [ -n "${CI:-}" ] || fail "readout-desktop is installed here already; remove it first"
fi

remove() {
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq readout-desktop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap remove EXIT

say "$(basename "$deb"): $(du -h "$deb" | cut -f1)"
started=$(date +%s)
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/apt.log" 2>&1 \
    || { cat "$work/apt.log" >&2; fail "apt-get install"; }
say "installed in $(( $(date +%s) - started )) s"

[ "$(command -v readout)" = /usr/bin/readout ] || fail "readout is not /usr/bin/readout"
version=$(readout --version)
[ "$version" = "readout $expected_version" ] || fail "readout --version said: $version"
say "$version"

mkdir -p "$work/home" "$work/tmp"
HOME=$work/home TMPDIR=$work/tmp QT_QPA_PLATFORM=offscreen readout-gui --smoke \
    >"$work/smoke.log" 2>"$work/smoke.err" \
    || { cat "$work/smoke.log" "$work/smoke.err" >&2; fail "readout-gui --smoke"; }
tail -n 1 "$work/smoke.log" | grep -qx "smoke: ok" || fail "smoke: $(tail -n 1 "$work/smoke.log")"
sed -n '1,2p' "$work/smoke.log" | sed 's/^/deb-check: /'
[ -z "$(ls -A "$work/tmp")" ] || fail "--smoke left $(ls -A "$work/tmp") in the temporary folder"

desktop-file-validate /usr/share/applications/io.github.readout.Readout.desktop \
    || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic /usr/share/metainfo/io.github.readout.Readout.metainfo.xml \
    >/dev/null || fail "appstreamcli validate"
[ -f /usr/share/icons/hicolor/256x256/apps/io.github.readout.Readout.png ] || fail "no icon"
[ "$(man -w readout)" = /usr/share/man/man1/readout.1.gz ] || fail "man readout"
HOME=$work/home readout compare /opt/readout-desktop/_internal/desktop/seeds/*.txt \
    | head -n 1 | grep -q "background claims are absent" || fail "readout compare"
say "readout --version, readout-gui --smoke, desktop-file-validate, appstreamcli, man, compare: ok"

$sudo env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq readout-desktop >/dev/null \
    || fail "apt-get purge"
[ ! -e /opt/readout-desktop ] && [ ! -e /usr/bin/readout ] || fail "files left after removal"
say "removed: nothing left in /opt or /usr/bin"
