using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// The ggml functions the rotary peer calls, as unmanaged function pointers into the ggml libraries of
/// LLamaSharp.Backend.Cpu 0.30.0 (ggml 0.18.0, llama.cpp b10221 = commit 815a2a59). The build copies
/// their ggml-base and ggml-cpu libraries, one folder per instruction set, to <c>ggml/</c> in the output
/// (see the project file); the variant for this CPU is loaded from its full path, ggml-base first, so
/// that ggml-cpu's own reference to it (RUNPATH $ORIGIN) finds the same library. Signatures and struct
/// layouts are those of ggml.h and ggml-cpu.h at that version.
/// </summary>
internal static unsafe class GgmlNative
{
    public const int TypeF32 = 0, TypeI32 = 26;
    public const int RopeNormal = 0, RopeNeox = 2;   // GGML_ROPE_TYPE_NORMAL pairs (2k, 2k+1); _NEOX pairs (k, k + n_dims/2)
    public const int StatusSuccess = 0;

    /// <summary>struct ggml_init_params.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct InitParams
    {
        public nuint MemSize;
        public void* MemBuffer;
        public byte NoAlloc;   // C bool
    }

    /// <summary>struct ggml_cplan (ggml-cpu.h): 56 bytes on 64-bit targets.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CPlan
    {
        public nuint WorkSize;
        public byte* WorkData;
        public int NThreads;
        public void* Threadpool;
        public void* AbortCallback;
        public void* AbortCallbackData;
        public byte UseRef;   // C bool
    }

    /// <summary>Bytes reserved for struct ggml_threadpool_params (512 bools of CPU mask, then 14 bytes): filled by ggml itself.</summary>
    public const int ThreadpoolParamsBytes = 1024;

    public static readonly string Variant;
    public static readonly string Directory;

    public static readonly delegate* unmanaged<InitParams, void*> Init;
    public static readonly delegate* unmanaged<void*, void> Free;
    public static readonly delegate* unmanaged<void*, int, long, void*> NewTensor1d;
    public static readonly delegate* unmanaged<void*, int, long, long, long, void*> NewTensor3d;
    public static readonly delegate* unmanaged<void*, void*> GetData;
    public static readonly delegate* unmanaged<void*, void*, void*, void*, int, int, int, float, float, float, float, float, float, void*> RopeExt;
    public static readonly delegate* unmanaged<void*, void*, void*, void*, int, int, int, float, float, float, float, float, float, void*> RopeExtInplace;
    public static readonly delegate* unmanaged<void*, void*> NewGraph;
    public static readonly delegate* unmanaged<void*, void*, void> BuildForwardExpand;
    public static readonly delegate* unmanaged<nuint> TensorOverhead;
    public static readonly delegate* unmanaged<nuint> GraphOverhead;
    public static readonly delegate* unmanaged<void*, int, void> ThreadpoolParamsInit;
    public static readonly delegate* unmanaged<void*, void*> ThreadpoolNew;
    public static readonly delegate* unmanaged<void*, void> ThreadpoolFree;
    public static readonly delegate* unmanaged<void*, int, void*, CPlan> GraphPlan;
    public static readonly delegate* unmanaged<void*, CPlan*, int> GraphCompute;
    public static readonly string Version, Commit;

    static GgmlNative()
    {
        if (sizeof(CPlan) != 56 || sizeof(InitParams) != 24)
            throw new PlatformNotSupportedException("The ggml peer needs a 64-bit process (struct layouts of ggml 0.18.0).");
        Variant = Avx512F.IsSupported ? "avx512" : Avx2.IsSupported ? "avx2" : Avx.IsSupported ? "avx" : "noavx";
        Directory = Path.Combine(AppContext.BaseDirectory, "ggml", Variant);
        nint baseLibrary = Load("ggml-base");
        nint cpuLibrary = Load("ggml-cpu");

        Init = (delegate* unmanaged<InitParams, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_init");
        Free = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(baseLibrary, "ggml_free");
        NewTensor1d = (delegate* unmanaged<void*, int, long, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_new_tensor_1d");
        NewTensor3d = (delegate* unmanaged<void*, int, long, long, long, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_new_tensor_3d");
        GetData = (delegate* unmanaged<void*, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_get_data");
        RopeExt = (delegate* unmanaged<void*, void*, void*, void*, int, int, int, float, float, float, float, float, float, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_rope_ext");
        RopeExtInplace = (delegate* unmanaged<void*, void*, void*, void*, int, int, int, float, float, float, float, float, float, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_rope_ext_inplace");
        NewGraph = (delegate* unmanaged<void*, void*>)NativeLibrary.GetExport(baseLibrary, "ggml_new_graph");
        BuildForwardExpand = (delegate* unmanaged<void*, void*, void>)NativeLibrary.GetExport(baseLibrary, "ggml_build_forward_expand");
        TensorOverhead = (delegate* unmanaged<nuint>)NativeLibrary.GetExport(baseLibrary, "ggml_tensor_overhead");
        GraphOverhead = (delegate* unmanaged<nuint>)NativeLibrary.GetExport(baseLibrary, "ggml_graph_overhead");
        ThreadpoolParamsInit = (delegate* unmanaged<void*, int, void>)NativeLibrary.GetExport(baseLibrary, "ggml_threadpool_params_init");
        ThreadpoolNew = (delegate* unmanaged<void*, void*>)NativeLibrary.GetExport(cpuLibrary, "ggml_threadpool_new");
        ThreadpoolFree = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(cpuLibrary, "ggml_threadpool_free");
        GraphPlan = (delegate* unmanaged<void*, int, void*, CPlan>)NativeLibrary.GetExport(cpuLibrary, "ggml_graph_plan");
        GraphCompute = (delegate* unmanaged<void*, CPlan*, int>)NativeLibrary.GetExport(cpuLibrary, "ggml_graph_compute");

        Version = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)NativeLibrary.GetExport(baseLibrary, "ggml_version"))()) ?? "?";
        Commit = Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)NativeLibrary.GetExport(baseLibrary, "ggml_commit"))()) ?? "?";
    }

    private static nint Load(string name)
    {
        string file = OperatingSystem.IsWindows() ? name + ".dll" : OperatingSystem.IsMacOS() ? "lib" + name + ".dylib" : "lib" + name + ".so";
        string path = Path.Combine(Directory, file);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"ggml library not found at {path}: the build copies LLamaSharp.Backend.Cpu's native ggml libraries for the SDK's runtime identifier into ggml/<isa>/ of the output (tests/PEGen.Benchmarks/PEGen.Benchmarks.csproj).", path);
        return NativeLibrary.Load(path);
    }
}
