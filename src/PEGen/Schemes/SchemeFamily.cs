namespace PEGen.Schemes;

/// <summary>What a scheme generates; the emitters choose the members by family, never by scheme.</summary>
internal enum SchemeFamily
{
    /// <summary>A constant [MaxLen x Dim] table added to embeddings (Table, Row, AddTo, Add, Embed, ConcatTo).</summary>
    AdditiveTable,

    /// <summary>Constant cos/sin tables [MaxLen x Dim/2] that rotate query/key vectors (Cos, Sin, Rotate).</summary>
    Rotary,

    /// <summary>No table: the value is computed from the call's arguments (AddTo, Add, Embed, ConcatTo).</summary>
    Computed,
}
