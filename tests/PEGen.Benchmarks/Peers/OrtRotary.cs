using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.ML.OnnxRuntime;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// One ONNX Runtime session of an <see cref="OnnxRotaryModel"/> for one shape and one pair layout (one
/// node per activation), on one thread, with every tensor created once over caller-owned arrays (no copies
/// per call): the activations, the start position, PEGen's own Cos/Sin tables as the caches, and a
/// preallocated output per activation. Two ways to call it: <see cref="Run"/> (named inputs and outputs,
/// the cheapest <c>InferenceSession.Run</c> overload: the one that writes into preallocated outputs instead
/// of returning new ones) and <see cref="RunWithBinding"/> (an <see cref="OrtIoBinding"/> bound once).
/// </summary>
internal sealed class OrtRotary : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly OrtIoBinding _binding;
    private readonly string[] _inputNames, _outputNames;
    private readonly OrtValue[] _inputValues, _outputValues;

    /// <summary>One node: Rotate of [rows × heads × headSize] input into output.</summary>
    public OrtRotary(bool interleaved, int rows, int heads, int headSize, int rotaryDim, int startPosition,
        float[] input, float[] output, float[] cos, float[] sin)
        : this(interleaved, rows, headSize, rotaryDim, startPosition, new[] { (heads, input, output) }, cos, sin)
    {
    }

    /// <param name="interleaved">The op's <c>interleaved</c> attribute: 1 pairs (2k, 2k+1), 0 pairs (k, k + rotaryDim/2).</param>
    /// <param name="nodes">Per node: heads, the input [rows × heads × headSize] read by every call, the output of the same length written by every call.</param>
    /// <param name="cos">[maxLength × rotaryDim/2], as PEGen's <c>Cos</c>.</param>
    /// <param name="sin">[maxLength × rotaryDim/2], as PEGen's <c>Sin</c>.</param>
    public OrtRotary(bool interleaved, int rows, int headSize, int rotaryDim, int startPosition,
        IReadOnlyList<(int Heads, float[] Input, float[] Output)> nodes, float[] cos, float[] sin)
    {
        int maxLength = cos.Length / (rotaryDim / 2);
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        int[] heads = nodes.Select(n => n.Heads).ToArray();
        _session = new InferenceSession(OnnxRotaryModel.Build(rows, heads, headSize, rotaryDim, maxLength, interleaved), _options);
        _runOptions = new RunOptions();

        long[] caches = { maxLength, rotaryDim / 2 };
        var inputNames = new List<string>();
        var inputValues = new List<OrtValue>();
        var outputValues = new List<OrtValue>();
        for (int i = 0; i < nodes.Count; i++)
        {
            long[] activations = { 1, rows, (long)nodes[i].Heads * headSize };
            inputNames.Add(OnnxRotaryModel.InputName(i));
            inputValues.Add(OrtValue.CreateTensorValueFromMemory(nodes[i].Input, activations));
            outputValues.Add(OrtValue.CreateTensorValueFromMemory(nodes[i].Output, activations));
        }
        inputNames.AddRange(new[] { OnnxRotaryModel.PositionIds, OnnxRotaryModel.CosCache, OnnxRotaryModel.SinCache });
        inputValues.Add(OrtValue.CreateTensorValueFromMemory(new long[] { startPosition }, new long[] { 1 }));
        inputValues.Add(OrtValue.CreateTensorValueFromMemory(cos, caches));
        inputValues.Add(OrtValue.CreateTensorValueFromMemory(sin, caches));
        _inputNames = inputNames.ToArray();
        _inputValues = inputValues.ToArray();
        _outputNames = Enumerable.Range(0, nodes.Count).Select(OnnxRotaryModel.OutputName).ToArray();
        _outputValues = outputValues.ToArray();

        _binding = _session.CreateIoBinding();
        for (int i = 0; i < _inputNames.Length; i++)
            _binding.BindInput(_inputNames[i], _inputValues[i]);
        for (int i = 0; i < _outputNames.Length; i++)
            _binding.BindOutput(_outputNames[i], _outputValues[i]);
    }

    public void Run() => _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);

    public void RunWithBinding() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        foreach (var value in _inputValues)
            value.Dispose();
        foreach (var value in _outputValues)
            value.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
