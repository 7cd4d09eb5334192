#!/usr/bin/env bash
# Installs what the suite needs beyond the .NET SDK, from Debian's packages, only when missing:
# redis-server (tests and local runs start their own), Node.js with npm (for buf) and chromium
# (the portal's browser tests drive it through Playwright, whose own browser download is not
# reachable: they find it with `command -v chromium`, or CHROMIUM_PATH), and a font with Chinese
# characters (Noto Sans CJK: the portal's Chinese pages and their screenshots would show empty boxes
# without one; Debian's default fonts cover Latin, Cyrillic and Arabic).
# Sourced or run by run.sh, test.sh and .ci/run.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing from Debian's packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
