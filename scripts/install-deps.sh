#!/usr/bin/env bash
# Installs what collabnet needs from Debian 12's packages. Run as root.
# Usage: scripts/install-deps.sh [--program]
#   --program  only what building the collabnet program needs; otherwise
#              also the tests', benchmarks' and fuzzers' tools.
# Skips apt entirely when everything is already installed.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libboost-program-options-dev
  libprotobuf-dev protobuf-compiler
  libabsl-dev librandom123-dev libigraph-dev
  zlib1g-dev libssl-dev libexpat1-dev
  # igraph's CMake package names these libraries' .so files, which
  # libigraph-dev does not depend on.
  libarpack2-dev libglpk-dev libplfit-dev
)
if [[ "${1:-}" != --program ]]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev python3
             python3-networkx python3-igraph r-base-core r-cran-sna
             clang libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
