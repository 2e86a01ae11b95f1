#!/usr/bin/env bash
# Runs the Custos server from source: installs the native libraries it needs (Debian 12) when missing,
# then starts `custos` with the given arguments, e.g. `./custos.sh serve --dev`.
set -euo pipefail
cd "$(dirname "$0")"

packages=(libsodium23 libargon2-1 libjsonnet0 libssl3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "custos.sh: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

exec dotnet run --project src/Custos/Custos.csproj -c Release -p:RunWorkingDirectory="$PWD" -- "$@"
