#!/usr/bin/env bash
# Measures PEGen's analyzer cost on a consumer with 200 annotated classes and 2,000 call sites.
#
#   tests/PEGen.Benchmarks/AnalyzerCost/measure-analyzer-cost.sh [runs]
#
# Prints the compiler's own -p:ReportAnalyzer=true figures for PEGen's analyzers (median of
# `runs` clean Release builds), and the wall time of the same builds with every PEG rule on
# and with all of them set to severity none (analyzers not run), which bounds the real cost:
# in a cold compiler process the first analyzer to ask for semantic models is charged for
# binding that the compiler does anyway.
set -euo pipefail
runs=${1:-3}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/pegen-analyzercost.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build "$repo/src/PEGen/PEGen.csproj" -c Release -nologo -v q >/dev/null
cat > "$work/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Library</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <Import Project="$repo/src/PEGen/build/PEGen.props" />
  <ItemGroup><Analyzer Include="$repo/src/PEGen/bin/Release/netstandard2.0/PEGen.dll" /></ItemGroup>
</Project>
XML
echo '<Project></Project>' > "$work/Directory.Build.props"
echo '<Project></Project>' > "$work/Directory.Build.targets"
{
  echo "namespace Consumer;"
  for i in $(seq 0 199); do
    echo "[PEGen.PositionalEncoding(Dim = 8, MaxLen = 16)] public static partial class P$i { }"
  done
  echo "public static class Calls {"
  for f in $(seq 0 19); do
    echo "  public static void M$f(float[] data, int n) {"
    for c in $(seq 0 99); do
      i=$(( (f * 100 + c) % 200 ))
      case $((c % 4)) in
        0) echo "    P$i.AddTo(new float[16], $((c % 10)));" ;;
        1) echo "    P$i.Add(data, new float[n], 1);" ;;
        2) echo "    _ = P$i.Row($((c % 16)));" ;;
        3) echo "    System.Span<float> s$c = stackalloc float[24]; P$i.AddTo(s$c, 3);" ;;
      esac
    done
    echo "  }"
  done
  echo "}"
} > "$work/Code.cs"
(cd "$work" && dotnet restore -nologo -v q >/dev/null)

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
build() { # -> "wall declaration_s callsite_s"
  rm -rf "$work/bin" "$work/obj/Release"
  local t0 t1 log
  t0=$(date +%s.%N)
  log=$(cd "$work" && dotnet build -c Release --no-restore -nologo -v d -p:ReportAnalyzer=true -p:UseSharedCompilation=false -nodeReuse:false 2>&1)
  t1=$(date +%s.%N)
  local decl site
  decl=$(echo "$log" | awk '/PEGen.Diagnostics.DeclarationAnalyzer/ {print $1; exit}')
  site=$(echo "$log" | awk '/PEGen.Diagnostics.CallSiteAnalyzer/ {print $1; exit}')
  echo "$(echo "$t1 - $t0" | bc -l) ${decl:-0} ${site:-0}"
}

walls=(); decls=(); sites=()
for _ in $(seq "$runs"); do read -r w d s <<<"$(build)"; walls+=("$w"); decls+=("$d"); sites+=("$s"); done
printf 'is_global = true\n' > "$work/.globalconfig"
for id in 001 002 003 004 005 006 007 008 009 010 011; do echo "dotnet_diagnostic.PEG$id.severity = none" >> "$work/.globalconfig"; done
offs=()
for _ in $(seq "$runs"); do read -r w _ _ <<<"$(build)"; offs+=("$w"); done

echo "200 annotated classes, 2000 call sites, $runs clean Release builds each (medians):"
echo "  ReportAnalyzer DeclarationAnalyzer: $(printf '%s\n' "${decls[@]}" | median) s"
echo "  ReportAnalyzer CallSiteAnalyzer:    $(printf '%s\n' "${sites[@]}" | median) s"
echo "  build wall time, PEG rules on:      $(printf '%s\n' "${walls[@]}" | median) s"
echo "  build wall time, PEG rules off:     $(printf '%s\n' "${offs[@]}" | median) s"
