#!/usr/bin/env bash
# Measures what PEGen tables add to a clean Release build of a consumer.
#
#   tests/PEGen.Benchmarks/BuildCost/measure-build-cost.sh [runs] [variant...]
#
# Variants: none (the baseline: same consumer, generator referenced, no attribute), 512x512,
# 2048x1024, 50small (50 classes of 64 x 128), or any DIMxMAXLEN; Storage = Compact (issue 14):
# tiny (an 8 x 8 table, the baseline of the compact rows), llama131k (Llama 3.1 at 131,072 positions),
# rope1m (Base 1e6 at 1,048,576), vaswani1024, fairseq1024, xlm1024 (Dim 1024 at 131,072) and
# longrope1024 (Dim 1024, RotaryDim 1024 at 131,072); llama-full-N and llama-compact-N (the Llama 3.1 declaration
# at MaxLen N, Full or Compact: the series behind docs/data/build-cost-vs-maxlen.csv and its plot, see
# samples/Visualize). Also prints the consumer assembly's size. For each it deletes bin/ and
# obj/Release, times `dotnet build -c Release --no-restore` (fresh compiler process, no build
# server) once per round, every variant in each of `runs` rounds, and prints the median wall time and
# compiler CPU, and the delta to none.
set -euo pipefail
runs=${1:-5}; shift || true
variants=("$@"); [ ${#variants[@]} -gt 0 ] || variants=(512x512 2048x1024 50small)
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d /tmp/pegen-buildcost.XXXXXX)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_USE_MSBUILD_SERVER=0 DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet build "$repo/src/PEGen/PEGen.csproj" -c Release -nologo -v q >/dev/null
generator="$repo/src/PEGen/bin/Release/netstandard2.0/PEGen.dll"

make_consumer() { # name, source
  local dir="$work/$1"; mkdir -p "$dir"
  cat > "$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <NoWarn>\$(NoWarn);PEG006;PEG008</NoWarn>
  </PropertyGroup>
  <Import Project="$repo/src/PEGen/build/PEGen.props" />
  <ItemGroup><Analyzer Include="$generator" /></ItemGroup>
</Project>
XML
  printf '%s\n' "$2" > "$dir/Program.cs"
  # Outside the repository, so its Directory.Build.* files do not apply.
  echo '<Project></Project>' > "$dir/Directory.Build.props"
  echo '<Project></Project>' > "$dir/Directory.Build.targets"
  (cd "$dir" && dotnet restore -nologo -v q >/dev/null)
}

source_for() {
  case "$1" in
    none) echo 'System.Console.WriteLine("no table");' ;;
    50small)
      echo 'System.Console.WriteLine(T0.Table.Length);'
      for i in $(seq 0 49); do echo "[PEGen.PositionalEncoding(Dim = 64, MaxLen = 128)] static partial class T$i { }"; done ;;
    tiny) echo 'System.Console.WriteLine(P.Table.Length);'
      echo '[PEGen.PositionalEncoding(Dim = 8, MaxLen = 8)] static partial class P { }' ;;
    llama131k) echo 'System.Console.WriteLine(P.MaxLen);'
      echo '[PEGen.PositionalEncoding(Dim = 128, MaxLen = 131072, Scheme = PEGen.EncodingScheme.Rope, Base = 500000, Scaling = PEGen.RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 8192, Storage = PEGen.TableStorage.Compact)] static partial class P { }' ;;
    rope1m) echo 'System.Console.WriteLine(P.MaxLen);'
      echo '[PEGen.PositionalEncoding(Dim = 128, MaxLen = 1048576, Scheme = PEGen.EncodingScheme.Rope, Base = 1000000, Storage = PEGen.TableStorage.Compact)] static partial class P { }' ;;
    vaswani1024|fairseq1024|xlm1024)
      local scheme=Vaswani; [ "$1" = fairseq1024 ] && scheme=Fairseq; [ "$1" = xlm1024 ] && scheme=HuggingFaceXlm
      echo 'System.Console.WriteLine(P.MaxLen);'
      echo "[PEGen.PositionalEncoding(Dim = 1024, MaxLen = 131072, Scheme = PEGen.EncodingScheme.$scheme, Storage = PEGen.TableStorage.Compact)] static partial class P { }" ;;
    longrope1024) echo 'System.Console.WriteLine(P.MaxLen);'
      local f; f=$(python3 -c 'print(", ".join(str(1.0 + i / 64) for i in range(512)))')
      echo "[PEGen.PositionalEncoding(Dim = 1024, MaxLen = 131072, Scheme = PEGen.EncodingScheme.Rope, Scaling = PEGen.RopeScaling.LongRope, Factor = 32, OriginalMaxLen = 4096, ShortFactors = new[] { $f }, LongFactors = new[] { $f }, Storage = PEGen.TableStorage.Compact)] static partial class P { }" ;;
    llama-full-*|llama-compact-*)
      local n=${1##*-} storage=Full; [ "${1#llama-compact-}" != "$1" ] && storage=Compact
      echo 'System.Console.WriteLine(P.MaxLen);'
      echo "[PEGen.PositionalEncoding(Dim = 128, MaxLen = $n, Scheme = PEGen.EncodingScheme.Rope, Base = 500000, Scaling = PEGen.RopeScaling.Llama3, Factor = 8, OriginalMaxLen = 8192, Storage = PEGen.TableStorage.$storage)] static partial class P { }" ;;
    *x*)
      local d=${1%x*} l=${1#*x}
      echo "System.Console.WriteLine(P.Table.Length);"
      echo "[PEGen.PositionalEncoding(Dim = $d, MaxLen = $l)] static partial class P { }" ;;
  esac
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

build_once() { # variant -> "wall cpu" of one clean build
  local dir="$work/$1" me=$BASHPID t0 t1 c0 c1
  rm -rf "$dir/bin" "$dir/obj/Release"
  t0=$(date +%s.%N)
  # CPU of the build's child processes (csc runs out of process here) from /proc of this shell.
  c0=$(awk '{print $16+$17}' /proc/$me/stat)
  (cd "$dir" && dotnet build -c Release --no-restore -nologo -v q -p:UseSharedCompilation=false -nodeReuse:false >/dev/null)
  c1=$(awk '{print $16+$17}' /proc/$me/stat)
  t1=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc -l) $(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l)"
}

size_of() { stat -c %s "$work/$1/bin/Release/net10.0/Consumer.dll"; }

# Every variant once per round, rounds repeated `runs` times: this VM's speed drifts by seconds over minutes,
# which blocks of runs per variant turn into differences between variants.
all=(none)
for v in "${variants[@]}"; do [ "$v" = none ] || all+=("$v"); done
for v in "${all[@]}"; do make_consumer "$v" "$(source_for "$v")"; done
declare -A walls cpus
for round in $(seq "$runs"); do
  for v in "${all[@]}"; do
    read -r wall cpu <<<"$(build_once "$v")"
    walls[$v]+="$wall "; cpus[$v]+="$cpu "
  done
done
med() { tr ' ' '\n' | grep -v '^$' | median; }
base_wall=$(echo "${walls[none]}" | med); base_cpu=$(echo "${cpus[none]}" | med)
printf '%-20s %12s %12s %12s %12s %12s\n' variant wall_s cpu_s wall_delta cpu_delta dll_bytes
printf '%-20s %12.2f %12.2f %12s %12s %12s\n' none "$base_wall" "$base_cpu" - - "$(size_of none)"
for v in "${all[@]}"; do
  [ "$v" = none ] && continue
  wall=$(echo "${walls[$v]}" | med); cpu=$(echo "${cpus[$v]}" | med)
  printf '%-20s %12.2f %12.2f %+12.2f %+12.2f %12s\n' "$v" "$wall" "$cpu" "$(echo "$wall - $base_wall" | bc -l)" "$(echo "$cpu - $base_cpu" | bc -l)" "$(size_of "$v")"
done
