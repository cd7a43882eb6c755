using System;
using System.IO;
using System.Text;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Writes the one-node ONNX model for ONNX Runtime's CPU contrib op <c>com.microsoft.RotaryEmbedding</c>
/// as ModelProto bytes, so no Python, no onnx package and no committed binary are needed. Graph inputs:
/// <c>input</c> float [1, seq, heads·headSize], <c>position_ids</c> int64 [1] (the start position: the op
/// rotates token s by position_ids[0] + s), <c>cos_cache</c> and <c>sin_cache</c> float [maxLen, headSize/2];
/// output <c>output</c> float [1, seq, heads·headSize]. Field numbers are those of onnx.proto.
/// </summary>
internal static class OnnxRotaryModel
{
    public const string Input = "input", PositionIds = "position_ids", CosCache = "cos_cache", SinCache = "sin_cache", Output = "output";

    // IR 10 with ai.onnx opset 21: both well inside what ORT 1.31 loads; the contrib op is version 1.
    private const long IrVersion = 10, OnnxOpset = 21, MicrosoftOpset = 1;
    private const int ElemFloat = 1, ElemInt64 = 7, AttributeInt = 2;

    public static byte[] Build(int sequenceLength, int heads, int headSize, int maxLength, bool interleaved)
    {
        long hidden = (long)heads * headSize;
        var model = new ProtoWriter();
        model.Varint(1, IrVersion);                                      // ModelProto.ir_version
        model.Message(8, o => { o.String(1, ""); o.Varint(2, OnnxOpset); });            // opset_import (ai.onnx)
        model.Message(8, o => { o.String(1, "com.microsoft"); o.Varint(2, MicrosoftOpset); });
        model.Message(7, graph =>                                        // ModelProto.graph
        {
            graph.Message(1, node =>                                     // GraphProto.node
            {
                foreach (string input in new[] { Input, PositionIds, CosCache, SinCache })
                    node.String(1, input);                              // NodeProto.input
                node.String(2, Output);                                  // NodeProto.output
                node.String(3, "rotary");                               // NodeProto.name
                node.String(4, "RotaryEmbedding");                      // NodeProto.op_type
                node.Message(5, a => IntAttribute(a, "interleaved", interleaved ? 1 : 0));
                node.Message(5, a => IntAttribute(a, "num_heads", heads));
                node.String(7, "com.microsoft");                        // NodeProto.domain
            });
            graph.String(2, "rotary_embedding");                         // GraphProto.name
            graph.Message(11, v => Tensor(v, Input, ElemFloat, 1, sequenceLength, hidden));
            graph.Message(11, v => Tensor(v, PositionIds, ElemInt64, 1));
            graph.Message(11, v => Tensor(v, CosCache, ElemFloat, maxLength, headSize / 2));
            graph.Message(11, v => Tensor(v, SinCache, ElemFloat, maxLength, headSize / 2));
            graph.Message(12, v => Tensor(v, Output, ElemFloat, 1, sequenceLength, hidden));
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
