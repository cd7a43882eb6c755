using System;
using Microsoft.ML.OnnxRuntime;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// One ONNX Runtime session of the <see cref="OnnxRotaryModel"/> for one shape and one pair layout, on
/// one thread, with every tensor created once over caller-owned arrays (no copies per call): the input,
/// the start position, PEGen's own Cos/Sin tables as the caches, and a preallocated output. Two ways to
/// call it: <see cref="Run"/> (named inputs and outputs, the cheapest <c>InferenceSession.Run</c>
/// overload: the one that writes into preallocated outputs instead of returning new ones) and
/// <see cref="RunWithBinding"/> (an <see cref="OrtIoBinding"/> bound once).
/// </summary>
internal sealed class OrtRotary : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly OrtValue _input, _positions, _cos, _sin, _output;
    private readonly OrtIoBinding _binding;
    private readonly string[] _inputNames = { OnnxRotaryModel.Input, OnnxRotaryModel.PositionIds, OnnxRotaryModel.CosCache, OnnxRotaryModel.SinCache };
    private readonly string[] _outputNames = { OnnxRotaryModel.Output };
    private readonly OrtValue[] _inputValues, _outputValues;

    /// <param name="interleaved">The op's <c>interleaved</c> attribute: 1 pairs (2k, 2k+1), 0 pairs (k, k + headSize/2).</param>
    /// <param name="input">[rows × heads × headSize], read by every call.</param>
    /// <param name="output">Same length as <paramref name="input"/>, written by every call.</param>
    /// <param name="cos">[maxLength × headSize/2], as PEGen's <c>Cos</c>.</param>
    /// <param name="sin">[maxLength × headSize/2], as PEGen's <c>Sin</c>.</param>
    public OrtRotary(bool interleaved, int rows, int heads, int headSize, int startPosition,
        float[] input, float[] output, float[] cos, float[] sin)
    {
        int maxLength = cos.Length / (headSize / 2);
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _session = new InferenceSession(OnnxRotaryModel.Build(rows, heads, headSize, maxLength, interleaved), _options);
        _runOptions = new RunOptions();

        long[] activations = { 1, rows, (long)heads * headSize };
        long[] caches = { maxLength, headSize / 2 };
        _input = OrtValue.CreateTensorValueFromMemory(input, activations);
        _positions = OrtValue.CreateTensorValueFromMemory(new long[] { startPosition }, new long[] { 1 });
        _cos = OrtValue.CreateTensorValueFromMemory(cos, caches);
        _sin = OrtValue.CreateTensorValueFromMemory(sin, caches);
        _output = OrtValue.CreateTensorValueFromMemory(output, activations);
        _inputValues = new[] { _input, _positions, _cos, _sin };
        _outputValues = new[] { _output };

        _binding = _session.CreateIoBinding();
        for (int i = 0; i < _inputNames.Length; i++)
            _binding.BindInput(_inputNames[i], _inputValues[i]);
        _binding.BindOutput(OnnxRotaryModel.Output, _output);
    }

    public void Run() => _session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);

    public void RunWithBinding() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        foreach (var value in _inputValues)
            value.Dispose();
        _output.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
