#!/usr/bin/env bash
# Runs the Custos server from source, e.g. `./custos.sh serve --dev`. Nothing beyond the .NET SDK is needed for that:
# libsodium ships in a NuGet package, and the Debian libraries some settings need (libargon2-1 for multi-lane argon2
# hashing, libjsonnet0 for HTTP/SMS courier bodies and web hooks) are asked for by name at start when configured.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/Custos/Custos.csproj -c Release -p:RunWorkingDirectory="$PWD" -- "$@"
