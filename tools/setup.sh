#!/usr/bin/env bash
# Install the Debian packages isobar needs to build and test.
# Idempotent: prints nothing and touches nothing when all are already installed.
set -euo pipefail

PACKAGES=(
  g++ cmake make
  libyaml-cpp-dev nlohmann-json3-dev libfmt-dev
  libantlr4-runtime-dev antlr4 default-jre-headless
  uuid-dev  # antlr4-runtime's CMake targets link -luuid, but the -dev package doesn't depend on it
  catch2
  python3  # the agreement and annotated-corpus tests (tools/*.py)
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then exit 0; fi

if ((EUID == 0)); then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup.sh: missing packages (${missing[*]}) and not root, and sudo is not available;" >&2
  echo "setup.sh: run as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "setup.sh: installing ${missing[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${sudo[@]}" apt-get update -qq &&
       "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
         apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup.sh: package installation failed" >&2
  exit 1
fi
