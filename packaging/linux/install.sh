#!/bin/sh
# Install (or with --uninstall remove) Readout's desktop entry, icons, MIME type,
# AppStream metainfo and man pages for the current user, under ${XDG_DATA_HOME:-~/.local/share}.
#
#   packaging/linux/install.sh                      # from a checkout: .venv/bin/readout-gui
#   dist/readout/install-desktop-entry              # from the bundle: dist/readout/readout
#   packaging/linux/install.sh --exec /path/to/readout-gui
#   packaging/linux/install.sh --uninstall
#
# Nothing outside the user's data folder is touched; no root needed.
set -eu

APP_ID=io.github.readout.Readout
MIME_TYPE=application/x-readout-session
SIZES="16 24 32 48 64 128 256 512"

usage() {
    if [ "${1:-0}" = 0 ]; then
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    else
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    fi
    exit "${1:-0}"
}

here=$(dirname "$(readlink -f "$0")")
# packaging/linux/ lies two folders down in the checkout and in the bundle's _internal/;
# the icons are resources/icons/ in the checkout, desktop/resources/icons/ in the bundle.
root=$(readlink -f "$here/../..")
icons=$root/resources/icons
[ -d "$icons" ] || icons=$root/desktop/resources/icons
MAN_PAGES="readout.1 readout-gui.1"
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
action=install
exec_path=

while [ $# -gt 0 ]; do
    case $1 in
        --uninstall) action=uninstall ;;
        --exec) [ $# -ge 2 ] || usage 2; exec_path=$2; shift ;;
        --exec=*) exec_path=${1#--exec=} ;;
        -h|--help) usage 0 ;;
        *) echo "install.sh: unknown argument: $1" >&2; usage 2 ;;
    esac
    shift
done

refresh() {
    # Each cache is optional: a desktop without one simply rescans.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    # A user icon folder usually has no cache; a newer folder time makes desktops rescan it.
    # An existing cache would hide the new icon until rebuilt.
    if [ -d "$data_home/icons/hicolor" ]; then
        touch "$data_home/icons/hicolor"
        if [ -f "$data_home/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
            gtk-update-icon-cache -q -t -f "$data_home/icons/hicolor" 2>/dev/null || true
        fi
    fi
}

find_launcher() {
    if [ -n "$exec_path" ]; then
        printf '%s\n' "$exec_path"
    elif [ "$(basename "$root")" = _internal ] && [ -x "$root/../readout" ]; then
        readlink -f "$root/../readout"                  # the PyInstaller bundle
    elif [ -x "$root/.venv/bin/readout-gui" ]; then
        printf '%s\n' "$root/.venv/bin/readout-gui"     # a checkout set up by make
    elif command -v readout-gui >/dev/null 2>&1; then
        command -v readout-gui                          # pip / pipx install on PATH
    else
        echo "install.sh: no readout-gui found; run make, pipx install readout-desktop, or pass --exec PATH" >&2
        exit 1
    fi
}

# The Exec key's quoting rules: a path with spaces goes in double quotes; the few
# characters that would need escaping twice are refused instead.
exec_argument() {
    case $1 in
        *[\"\`\$\\%]*) echo "install.sh: cannot use a launcher path containing \" \` \$ \\ or %: $1" >&2; exit 1 ;;
        *[!A-Za-z0-9/._+-]*) printf '"%s"\n' "$1" ;;
        *) printf '%s\n' "$1" ;;
    esac
}

sed_replacement() {
    printf '%s' "$1" | sed -e 's/[&|\\]/\\&/g'
}

uninstall() {
    rm -f "$data_home/applications/$APP_ID.desktop" \
          "$data_home/mime/packages/$APP_ID.xml" \
          "$data_home/metainfo/$APP_ID.metainfo.xml" \
          "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
    for page in $MAN_PAGES; do
        rm -f "$data_home/man/man1/$page"
    done
    for size in $SIZES; do
        rm -f "$data_home/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh
    echo "Removed Readout's desktop entry, icons and $MIME_TYPE from $data_home"
}

install_files() {
    launcher=$(find_launcher)
    if [ ! -x "$launcher" ]; then
        echo "install.sh: $launcher is not an executable file" >&2
        exit 1
    fi
    argument=$(exec_argument "$launcher")
    mkdir -p "$data_home/applications" "$data_home/mime/packages" "$data_home/metainfo" \
             "$data_home/icons/hicolor/scalable/apps"
    # Exec= and TryExec= name this launcher; the rest of the entry is installed as it is.
    sed -e "s|^Exec=[^ ]*|Exec=$(sed_replacement "$argument")|" \
        -e "s|^TryExec=.*|TryExec=$(sed_replacement "$launcher")|" \
        "$here/$APP_ID.desktop" > "$data_home/applications/$APP_ID.desktop.tmp"
    mv "$data_home/applications/$APP_ID.desktop.tmp" "$data_home/applications/$APP_ID.desktop"
    cp "$here/$APP_ID.xml" "$data_home/mime/packages/$APP_ID.xml"
    cp "$here/$APP_ID.metainfo.xml" "$data_home/metainfo/$APP_ID.metainfo.xml"
    cp "$icons/readout.svg" "$data_home/icons/hicolor/scalable/apps/$APP_ID.svg"
    # man finds ~/.local/share/man from ~/.local/bin on PATH (man-db's manpath).
    mkdir -p "$data_home/man/man1"
    for page in $MAN_PAGES; do
        cp "$here/$page" "$data_home/man/man1/$page"
    done
    for size in $SIZES; do
        mkdir -p "$data_home/icons/hicolor/${size}x${size}/apps"
        cp "$icons/png/readout-$size.png" \
           "$data_home/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh
    echo "Installed Readout for $(id -un 2>/dev/null || echo this user): $data_home/applications/$APP_ID.desktop"
    echo "  runs: $launcher"
    echo "  opens: articles (txt, md, html, mhtml, pdf, docx, odt, rtf, eml) and .readout sessions ($MIME_TYPE)"
}

case $action in
    install) install_files ;;
    uninstall) uninstall ;;
esac
