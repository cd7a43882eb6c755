using PEGen;

namespace PEGen.IntegrationTests;

/// <summary>tests/golden/alibi_h8.json: the paper's slopes for 8 heads (powers of two).</summary>
[AlibiBias(Heads = 8)]
internal static partial class Alibi8 { }

/// <summary>tests/golden/alibi_h12.json: 12 heads, the paper's interleaving of 8 and every other of 16.</summary>
[AlibiBias(Heads = 12)]
internal static partial class Alibi12 { }

/// <summary>tests/golden/alibi_h16.json.</summary>
[AlibiBias(Heads = 16, Reference = AlibiReference.Paper)]
internal static partial class Alibi16 { }

/// <summary>tests/golden/alibi_bloom_h16.json: transformers' BLOOM slopes.</summary>
[AlibiBias(Heads = 16, Reference = AlibiReference.Bloom)]
internal static partial class BloomAlibi16 { }

/// <summary>tests/golden/alibi_mpt_h12.json: llm-foundry's slopes with MaxBias 8.</summary>
[AlibiBias(Heads = 12, Reference = AlibiReference.Mpt)]
internal static partial class MptAlibi12 { }

/// <summary>BLOOM-176B's 112 heads (up to 7 ulp from the paper's slopes), in a class that is not static.</summary>
[AlibiBias(Heads = 112, Reference = AlibiReference.Bloom)]
internal partial class Bloom176BAlibi { }

/// <summary>MPT-7B: 32 heads, alibi_bias_max 8.</summary>
[AlibiBias(Heads = 32, Reference = AlibiReference.Mpt, MaxBias = 8)]
internal static partial class Mpt7BAlibi { }

/// <summary>One head: the smallest shape (vector paths only for long rows).</summary>
[AlibiBias(Heads = 1)]
internal static partial class Alibi1 { }
