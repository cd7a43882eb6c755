namespace PEGen.Emit;

/// <summary>One source the generator adds: its hint name and text.</summary>
internal readonly record struct GeneratedFile(string HintName, string Text);
