namespace PEGen.Schemes;

/// <summary>What an odd Dim means for a scheme: what the validator says and what the last column holds.</summary>
internal enum OddDimension
{
    /// <summary>Nothing is paired, so odd is fine (the naive schemes).</summary>
    Allowed,

    /// <summary>PEG003; the last column is the sine of one more frequency (its cosine would be column Dim).</summary>
    ExtraSine,

    /// <summary>PEG003; the last column is zero (the reference pads the [sin | cos] halves).</summary>
    ZeroColumn,

    /// <summary>PEG010: the reference rejects an odd Dim.</summary>
    Rejected,
}
