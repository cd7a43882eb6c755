using PEGen;

namespace LlamaAttention;

/// <summary>
/// Llama 3.1 8B's rotary embedding, read from the checkpoint's config.json: head 128 (4096 / 32 heads),
/// theta 500000, llama3 scaling with factor 8 over an original 8192 positions. MaxLen is set here because the
/// config's 131,072 positions would be a 64 MiB table; 12,288 covers this sample's far position.
/// </summary>
[PositionalEncoding(MaxLen = 12288, Scheme = EncodingScheme.Rope, ConfigFile = "llama-3.1-8b/config.json")]
internal static partial class Llama31Rotary { }
