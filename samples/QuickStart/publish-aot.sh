#!/usr/bin/env bash
# Publishes QuickStart with NativeAOT (the SDK restores the ILCompiler packages from NuGet) and
# runs the native binary. Not part of `dotnet test`: it takes about a minute.
# Build output goes to a temporary artifacts folder, so the working tree's bin/obj stay untouched.
set -euo pipefail
cd "$(dirname "$0")/../.."
rid="${1:-linux-x64}"
out="$(mktemp -d "${TMPDIR:-/tmp}/pegen-aot.XXXXXX")"
dotnet publish samples/QuickStart -c Release -r "$rid" -p:PublishAot=true --artifacts-path "$out" -warnaserror
exe="$out/publish/QuickStart/release_$rid/QuickStart"
ls -l "$exe"
"$exe"
