using System;
using System.Runtime.InteropServices;
using static PEGen.Benchmarks.Peers.GgmlNative;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// One ggml graph holding one <c>ggml_rope_ext</c> node for one shape and one rope mode, planned once
/// for one thread, as llama.cpp rotates q and k: a is [ne0 = headSize, ne1 = heads, ne2 = rows], b the
/// int32 positions startPosition.., no frequency factors, YaRN off (freq_scale 1, ext_factor 0,
/// attn_factor 1, beta_fast 32, beta_slow 1). The output is a new tensor (out of place, like PEGen's
/// Rotate to a destination). The plan's work buffer (ggml's per-thread cos/sin cache) is allocated
/// here once. With <paramref name="persistentThreadpool"/>, one ggml threadpool of one thread is
/// created once and put in the plan; without it the plan has none and ggml_graph_compute creates and
/// frees a disposable threadpool on every call (what ggml-backend's CPU backend does unless a
/// threadpool is attached).
/// </summary>
internal sealed unsafe class GgmlRotary : IDisposable
{
    private readonly void* _context, _graph, _output, _threadpool;
    private readonly CPlan* _plan;   // native: the threadpool keeps a pointer to the plan while computing
    private readonly int _length;

    private bool _disposed;

    public GgmlRotary(int mode, int rows, int heads, int headSize, int startPosition, int contextLength, float freqBase,
        ReadOnlySpan<float> input, bool persistentThreadpool = true)
    {
        _length = rows * heads * headSize;
        if (input.Length != _length)
            throw new ArgumentException("input must be rows x heads x headSize floats", nameof(input));

        nuint tensorBytes = (nuint)_length * sizeof(float);
        var parameters = new InitParams
        {
            // two activations, the positions, three tensor headers, one graph, and room for alignment
            MemSize = 2 * tensorBytes + (nuint)rows * sizeof(int) + 3 * TensorOverhead() + GraphOverhead() + (1 << 20),
        };
        _context = Init(parameters);
        if (_context == null)
            throw new InvalidOperationException("ggml_init failed");

        void* a = NewTensor3d(_context, TypeF32, headSize, heads, rows);
        void* b = NewTensor1d(_context, TypeI32, rows);
        input.CopyTo(new Span<float>(GetData(a), _length));
        var positions = new Span<int>(GetData(b), rows);
        for (int r = 0; r < rows; r++)
            positions[r] = startPosition + r;

        _output = RopeExt(_context, a, b, null, headSize, mode, contextLength,
            freqBase, 1f, 0f, 1f, 32f, 1f);
        _graph = NewGraph(_context);
        BuildForwardExpand(_graph, _output);

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

    public ReadOnlySpan<float> Output => new(GetData(_output), _length);

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
