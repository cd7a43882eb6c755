using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PEGen.Parsing.Config;

/// <summary>
/// The analyzers' view of <c>AnalyzerOptions.AdditionalFiles</c>: the files a ConfigFile names, each read once per
/// compilation, with the same matching and reading as the generator's pipeline, so the IDE and the build agree.
/// </summary>
internal sealed class AdditionalConfigFiles
{
    private readonly ImmutableArray<AdditionalText> _files;
    private readonly ConcurrentDictionary<AdditionalText, ConfigFileModel> _read = new();

    public AdditionalConfigFiles(ImmutableArray<AdditionalText> files) => _files = files.IsDefault ? ImmutableArray<AdditionalText>.Empty : files;

    /// <summary>The files <paramref name="configFile"/> names.</summary>
    public ConfigFileSet Named(string configFile, CancellationToken cancellationToken) =>
        ConfigFileSet.Of(_files
            .Where(f => ConfigFileMatch.Matches(configFile, f.Path))
            .Select(f => _read.GetOrAdd(f, file => ConfigFileReader.Read(file, cancellationToken))));
}
