using System;
using System.Runtime.InteropServices;

namespace PEGen.GuardPages;

/// <summary>
/// <c>count</c> values in their own mmap'ed pages, between two PROT_NONE pages, placed so that
/// they end exactly at the upper guard page or start exactly after the lower one. Touching a
/// byte outside the span kills the process with SIGSEGV. Linux only.
/// </summary>
internal sealed unsafe class GuardedBuffer<T> : IDisposable where T : unmanaged
{
    private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20;
    private readonly IntPtr _base;
    private readonly nuint _total;
    private readonly T* _pointer;

    public GuardedBuffer(int count, bool endAtGuard)
    {
        Count = count;
        long page = Environment.SystemPageSize;
        long bytes = (long)count * sizeof(T);
        long dataPages = Math.Max(1, (bytes + page - 1) / page);
        _total = (nuint)((dataPages + 2) * page);
        _base = Libc.mmap(IntPtr.Zero, _total, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (_base == new IntPtr(-1)) throw new InvalidOperationException("mmap failed: errno " + Marshal.GetLastPInvokeError());
        byte* start = (byte*)_base;
        if (Libc.mprotect((IntPtr)start, (nuint)page, ProtNone) != 0 ||
            Libc.mprotect((IntPtr)(start + (dataPages + 1) * page), (nuint)page, ProtNone) != 0)
            throw new InvalidOperationException("mprotect failed: errno " + Marshal.GetLastPInvokeError());
        _pointer = endAtGuard ? (T*)(start + (dataPages + 1) * page - bytes) : (T*)(start + page);
    }

    public GuardedBuffer(ReadOnlySpan<T> values, bool endAtGuard) : this(values.Length, endAtGuard) => values.CopyTo(Span);

    public int Count { get; }

    public Span<T> Span => new(_pointer, Count);

    public T[] ToArray() => Span.ToArray();

    public void Dispose() => Libc.munmap(_base, _total);
}

internal static class Libc
{
    [DllImport("libc", SetLastError = true)]
    public static extern IntPtr mmap(IntPtr address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    public static extern int mprotect(IntPtr address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    public static extern int munmap(IntPtr address, nuint length);
}
