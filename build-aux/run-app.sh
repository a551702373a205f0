#!/bin/sh
# Installs the dependencies, builds Tributary and starts it on the sample plan.
set -eu
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -d build ] || meson setup build -Ddevelopment=true
ninja -C build

# Run from the build tree: the settings schema is compiled there.
export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec build/src/ui/tributary --sample "$@"
