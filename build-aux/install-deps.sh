#!/bin/sh
# Installs what Tributary needs to build, run and test on Debian 12 or
# Ubuntu 24.04. Uses sudo when not run as root. Safe to run again.
set -eu

packages="meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libjson-glib-dev libsoup-3.0-dev libsecret-1-dev
  desktop-file-utils appstream libxml2-utils sqlite3
  xvfb xauth dbus imagemagick x11-utils poppler-utils
  adwaita-icon-theme fonts-cantarell fonts-dejavu-core fonts-wqy-microhei
  libcairo2-dev libpango1.0-dev libpoppler-glib-dev
  gnome-keyring libsecret-tools python3-jsonschema libxtst-dev"

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "install-deps: run as root or install sudo" >&2
  exit 1
fi

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi
