#!/usr/bin/env bash
# Installs every Debian and npm package Jingwu needs, when missing. Idempotent; quiet when nothing is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEB_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  librestinio-dev libasio-dev libhttp-parser-dev libfmt-dev
  nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15
  libargon2-dev libssl-dev libspdlog-dev libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev libjemalloc-dev libsimdjson-dev
  libpodofo-dev fonts-arphic-gbsn00lp libqrencode-dev poppler-utils
  chromium wrk curl clang-format
  clickhouse-server clickhouse-client
  tesseract-ocr tesseract-ocr-chi-sim libtesseract-dev libleptonica-dev imagemagick fonts-noto-cjk fonts-wqy-microhei
)
# Node.js 20 ships npm itself; Debian's npm conflicts with it, so take Debian's only when node is absent.
command -v node >/dev/null 2>&1 || DEB_PACKAGES+=(nodejs npm)

missing=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages (web app, browser tests): install when node_modules is missing or older than the lock file.
for dir in web tests/e2e bench/analytics; do
  if [ -f "$dir/package-lock.json" ]; then
    if [ ! -f "$dir/node_modules/.stamp" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.stamp" ]; then
      echo "setup: installing npm packages for $dir/"
      (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
    fi
  fi
done
