using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using static PEGen.Benchmarks.Peers.GgmlNative;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// One ggml graph holding one <c>ggml_rope_ext</c> node per activation (one for Rotate; two for a query
/// and a key of the same rows, as llama.cpp rotates q and k) for one shape and one <see cref="GgmlRope"/>,
/// planned once for one thread. Activation i is [ne0 = headSize, ne1 = heads_i, ne2 = rows]; all nodes share
/// b, the int32 positions startPosition.., and c, the frequency divisors if any. Out of place, each output is
/// a new tensor (like PEGen's Rotate to a destination); with <c>inPlace</c> the nodes are
/// <c>ggml_rope_ext_inplace</c> and rotate their activation itself (every call rotates the previous result
/// again, which keeps the norms). The plan's work buffer (ggml's per-thread cos/sin cache) is allocated here
/// once. With <c>persistentThreadpool</c>, one ggml threadpool of one thread is created once and put in the
/// plan; without it the plan has none and ggml_graph_compute creates and frees a disposable threadpool on
/// every call (what ggml-backend's CPU backend does unless a threadpool is attached).
/// </summary>
internal sealed unsafe class GgmlRotary : IDisposable
{
    private readonly void* _context, _graph, _threadpool;
    private readonly nint[] _outputs;
    private readonly int[] _lengths;
    private readonly CPlan* _plan;   // native: the threadpool keeps a pointer to the plan while computing

    private bool _disposed;

    /// <summary>One node: Rotate of [rows × heads × headSize] input.</summary>
    public GgmlRotary(GgmlRope rope, int rows, int heads, int startPosition, float[] input, bool persistentThreadpool = true)
        : this(rope, rows, startPosition, new[] { (heads, input) }, persistentThreadpool, inPlace: false)
    {
    }

    public GgmlRotary(GgmlRope rope, int rows, int startPosition, IReadOnlyList<(int Heads, float[] Input)> inputs,
        bool persistentThreadpool, bool inPlace)
    {
        _outputs = new nint[inputs.Count];
        _lengths = new int[inputs.Count];
        nuint bytes = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            _lengths[i] = rows * inputs[i].Heads * rope.HeadSize;
            if (inputs[i].Input.Length != _lengths[i])
                throw new ArgumentException("each input must be rows x heads x headSize floats", nameof(inputs));
            bytes += 2 * (nuint)_lengths[i] * sizeof(float);   // activation and output
        }

        var parameters = new InitParams
        {
            // activations and outputs, the positions, the divisors, every tensor header, one graph, and room for alignment
            MemSize = bytes + (nuint)rows * sizeof(int) + (nuint)rope.HeadSize * sizeof(float)
                + (nuint)(2 * inputs.Count + 2) * TensorOverhead() + GraphOverhead() + (1 << 20),
        };
        _context = Init(parameters);
        if (_context == null)
            throw new InvalidOperationException("ggml_init failed");

        void* b = NewTensor1d(_context, TypeI32, rows);
        var positions = new Span<int>(GetData(b), rows);
        for (int r = 0; r < rows; r++)
            positions[r] = startPosition + r;
        void* c = null;
        if (rope.FreqFactors is { } factors)
        {
            c = NewTensor1d(_context, TypeF32, factors.Length);
            factors.CopyTo(new Span<float>(GetData(c), factors.Length));
        }

        _graph = NewGraph(_context);
        for (int i = 0; i < inputs.Count; i++)
        {
            void* a = NewTensor3d(_context, TypeF32, rope.HeadSize, inputs[i].Heads, rows);
            inputs[i].Input.CopyTo(new Span<float>(GetData(a), _lengths[i]));
            var rotate = inPlace ? RopeExtInplace : RopeExt;
            void* output = rotate(_context, a, b, c, rope.RotaryDims, rope.Mode, rope.ContextLength,
                rope.FreqBase, 1f, 0f, 1f, 32f, 1f);
            BuildForwardExpand(_graph, output);
            _outputs[i] = (nint)output;
        }

        if (persistentThreadpool)
        {
            byte* threadpoolParams = stackalloc byte[ThreadpoolParamsBytes];
            new Span<byte>(threadpoolParams, ThreadpoolParamsBytes).Clear();
            ThreadpoolParamsInit(threadpoolParams, 1);
            _threadpool = ThreadpoolNew(threadpoolParams);
            if (_threadpool == null)
                throw new InvalidOperationException("ggml_threadpool_new failed");
        }

        _plan = (CPlan*)NativeMemory.AllocZeroed((nuint)sizeof(CPlan));
        *_plan = GraphPlan(_graph, 1, _threadpool);
        if (_plan->WorkSize > 0)
            _plan->WorkData = (byte*)NativeMemory.AlignedAlloc(_plan->WorkSize, 64);
    }

    /// <summary>Bytes of the plan's work buffer (ggml's cos/sin cache for one thread).</summary>
    public nuint WorkSize => _plan->WorkSize;

    /// <summary>The first node's output.</summary>
    public ReadOnlySpan<float> Output => OutputOf(0);

    /// <summary>Node i's output (in place: its activation).</summary>
    public ReadOnlySpan<float> OutputOf(int node) => new(GetData((void*)_outputs[node]), _lengths[node]);

    public void Compute()
    {
        int status = GraphCompute(_graph, _plan);
        if (status != StatusSuccess)
            throw new InvalidOperationException($"ggml_graph_compute returned status {status}");
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (_plan->WorkData != null)
            NativeMemory.AlignedFree(_plan->WorkData);
        NativeMemory.Free(_plan);
        if (_threadpool != null)
            ThreadpoolFree(_threadpool);
        Free(_context);
    }
}
