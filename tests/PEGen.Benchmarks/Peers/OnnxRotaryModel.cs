using System;
using System.IO;
using System.Text;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Writes the ONNX model for ONNX Runtime's CPU contrib op <c>com.microsoft.RotaryEmbedding</c> as
/// ModelProto bytes, so no Python, no onnx package and no committed binary are needed. One node per
/// activation (one for Rotate, two for a query and a key of the same rows), all sharing
/// <c>position_ids</c> int64 [1] (the start position: the op rotates token s by position_ids[0] + s) and
/// <c>cos_cache</c>, <c>sin_cache</c> float [maxLen, rotaryDim/2]. Node i reads <see cref="InputName"/>(i)
/// float [1, seq, heads_i·headSize] and writes <see cref="OutputName"/>(i) of the same shape.
/// Field numbers are those of onnx.proto.
/// </summary>
internal static class OnnxRotaryModel
{
    public const string PositionIds = "position_ids", CosCache = "cos_cache", SinCache = "sin_cache";

    // IR 10 with ai.onnx opset 21: both well inside what ORT 1.31 loads; the contrib op is version 1.
    private const long IrVersion = 10, OnnxOpset = 21, MicrosoftOpset = 1;
    private const int ElemFloat = 1, ElemInt64 = 7, AttributeInt = 2;

    public static string InputName(int node) => node == 0 ? "input" : "input" + node;

    public static string OutputName(int node) => node == 0 ? "output" : "output" + node;

    /// <param name="headsPerNode">Heads of each node's activation, e.g. {32} or {32, 8}.</param>
    /// <param name="rotaryDim">
    /// The rotated width. Below <paramref name="headSize"/> the nodes get <c>rotary_embedding_dim</c>: ORT then
    /// takes the head size from <c>num_heads</c> (required with it) instead of from the caches' width, rotates
    /// the first rotaryDim values of each head and copies the rest from the input.
    /// </param>
    public static byte[] Build(int sequenceLength, int[] headsPerNode, int headSize, int rotaryDim, int maxLength, bool interleaved)
    {
        var model = new ProtoWriter();
        model.Varint(1, IrVersion);                                      // ModelProto.ir_version
        model.Message(8, o => { o.String(1, ""); o.Varint(2, OnnxOpset); });            // opset_import (ai.onnx)
        model.Message(8, o => { o.String(1, "com.microsoft"); o.Varint(2, MicrosoftOpset); });
        model.Message(7, graph =>                                        // ModelProto.graph
        {
            for (int i = 0; i < headsPerNode.Length; i++)
            {
                int node = i, heads = headsPerNode[i];
                graph.Message(1, n =>                                    // GraphProto.node
                {
                    foreach (string input in new[] { InputName(node), PositionIds, CosCache, SinCache })
                        n.String(1, input);                             // NodeProto.input
                    n.String(2, OutputName(node));                      // NodeProto.output
                    n.String(3, "rotary" + node);                       // NodeProto.name
                    n.String(4, "RotaryEmbedding");                     // NodeProto.op_type
                    n.Message(5, a => IntAttribute(a, "interleaved", interleaved ? 1 : 0));
                    n.Message(5, a => IntAttribute(a, "num_heads", heads));
                    if (rotaryDim < headSize)
                        n.Message(5, a => IntAttribute(a, "rotary_embedding_dim", rotaryDim));
                    n.String(7, "com.microsoft");                       // NodeProto.domain
                });
            }
            graph.String(2, "rotary_embedding");                         // GraphProto.name
            for (int i = 0; i < headsPerNode.Length; i++)
            {
                long hidden = (long)headsPerNode[i] * headSize;
                int node = i;
                graph.Message(11, v => Tensor(v, InputName(node), ElemFloat, 1, sequenceLength, hidden));
            }
            graph.Message(11, v => Tensor(v, PositionIds, ElemInt64, 1));
            graph.Message(11, v => Tensor(v, CosCache, ElemFloat, maxLength, rotaryDim / 2));
            graph.Message(11, v => Tensor(v, SinCache, ElemFloat, maxLength, rotaryDim / 2));
            for (int i = 0; i < headsPerNode.Length; i++)
            {
                long hidden = (long)headsPerNode[i] * headSize;
                int node = i;
                graph.Message(12, v => Tensor(v, OutputName(node), ElemFloat, 1, sequenceLength, hidden));
            }
        });
        return model.ToArray();
    }

    // AttributeProto{name = 1, i = 3, type = 20}.
    private static void IntAttribute(ProtoWriter attribute, string name, long value)
    {
        attribute.String(1, name);
        attribute.Varint(3, value);
        attribute.Varint(20, AttributeInt);
    }

    // ValueInfoProto{name = 1, type = 2: TypeProto{tensor_type = 1: {elem_type = 1, shape = 2: {dim = 1: {dim_value = 1}}}}}.
    private static void Tensor(ProtoWriter valueInfo, string name, int elementType, params long[] dims)
    {
        valueInfo.String(1, name);
        valueInfo.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Varint(1, elementType);
            tensor.Message(2, shape =>
            {
                foreach (long dim in dims)
                    shape.Message(1, d => d.Varint(1, dim));
            });
        }));
    }

    /// <summary>The three protobuf wire forms the model needs: varint, string and nested message (both length-delimited).</summary>
    private sealed class ProtoWriter
    {
        private const int WireVarint = 0, WireLengthDelimited = 2;
        private readonly MemoryStream _bytes = new();

        public void Varint(int field, long value)
        {
            Raw(((ulong)field << 3) | WireVarint);
            Raw((ulong)value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, Action<ProtoWriter> write)
        {
            var inner = new ProtoWriter();
            write(inner);
            Bytes(field, inner.ToArray());
        }

        public byte[] ToArray() => _bytes.ToArray();

        private void Bytes(int field, byte[] value)
        {
            Raw(((ulong)field << 3) | WireLengthDelimited);
            Raw((ulong)value.Length);
            _bytes.Write(value);
        }

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }
    }
}
