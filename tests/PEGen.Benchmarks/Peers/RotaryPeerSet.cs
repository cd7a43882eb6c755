using System;
using System.Globalization;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// Everything one benchmark case of the rotary peers needs for one <see cref="RotaryForm"/> (a layout at
/// full width, partial or scaled) and one shape [rows × heads × 128]: the random vectors (fixed seed), a destination per engine, ORT's session and
/// ggml's graph set up once with the layout mapping that <see cref="PeerAgreement"/> measured, and a
/// check that each engine's output at this very shape and start position agrees before timing starts.
/// Decode shapes (one row) start at position 1000 so that the position matters; prefill starts at 0.
/// </summary>
internal sealed class RotaryPeerSet : IDisposable
{
    public const int DecodeStart = 1000;

    public RotaryPeerSet(RotaryForm form, int rows, int heads, bool withUnpooledGgml)
    {
        Form = form;
        Rows = rows;
        Heads = heads;
        Start = rows == 1 ? DecodeStart : 0;
        var mapping = PeerAgreement.For(form.Variant);

        int length = rows * heads * RotaryForm.Dim;
        Vectors = Shapes.Random(length, 7);
        PegenDestination = new float[length];
        InPlace = (float[])Vectors.Clone();
        CopyDestination = new float[length];
        OrtDestination = new float[length];
        Ort = new OrtRotary(mapping.OrtInterleaved, rows, heads, RotaryForm.Dim, form.RotaryDim, Start, Vectors, OrtDestination,
            form.Cos, form.Sin);
        Ggml = NewGgml(mapping.GgmlMode, persistentThreadpool: true);
        if (withUnpooledGgml)
            GgmlUnpooled = NewGgml(mapping.GgmlMode, persistentThreadpool: false);
        Check();
    }

    public RotaryForm Form { get; }
    public int Rows { get; }
    public int Heads { get; }
    public int Start { get; }
    public float[] Vectors { get; }
    public float[] PegenDestination { get; }
    public float[] InPlace { get; }
    public float[] CopyDestination { get; }
    public float[] OrtDestination { get; }
    public OrtRotary Ort { get; }
    public GgmlRotary Ggml { get; }
    public GgmlRotary? GgmlUnpooled { get; }

    public void Dispose()
    {
        Ort.Dispose();
        Ggml.Dispose();
        GgmlUnpooled?.Dispose();
    }

    private GgmlRotary NewGgml(int mode, bool persistentThreadpool) => new(Form.Ggml(mode), Rows, Heads, Start, Vectors, persistentThreadpool);

    // Same bounds as PeerAgreement: a wrong shape, stride or start position shows as an error of order 1.
    private void Check()
    {
        Form.Rotate(Vectors, PegenDestination, Start, Heads);
        double[] exact = Form.Exact(Vectors, Heads, Start);
        Ort.Run();
        double ortRun = ExactRotation.RelativeError(OrtDestination, PegenDestination);
        Array.Clear(OrtDestination);
        Ort.RunWithBinding();
        double ortBound = ExactRotation.RelativeError(OrtDestination, PegenDestination);
        Ggml.Compute();
        double ggml = ExactRotation.RelativeError(Ggml.Output, exact);
        double ggmlUnpooled = 0;
        if (GgmlUnpooled is not null)
        {
            GgmlUnpooled.Compute();
            ggmlUnpooled = ExactRotation.RelativeError(GgmlUnpooled.Output, exact);
        }
        double pegen = ExactRotation.RelativeError(PegenDestination, exact);
        if (pegen > 1e-3 || ortRun > 1e-5 || ortBound > 1e-5 || ggml > 1e-2 || ggmlUnpooled > 1e-2)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{PeerAgreement.Describe(Form.Variant)} {Rows}x{RotaryForm.Dim}x{Heads}h from {Start}: PEGen vs exact {pegen}, ORT Run vs PEGen {ortRun}, ORT IOBinding vs PEGen {ortBound}, ggml vs exact {ggml} / {ggmlUnpooled}"));
    }
}
