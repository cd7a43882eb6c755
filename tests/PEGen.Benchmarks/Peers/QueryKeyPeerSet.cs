using System;
using System.Globalization;

namespace PEGen.Benchmarks.Peers;

/// <summary>
/// One case of the RotateQueryKey peers: grouped-query attention's q (32 heads) and k (8 heads) of the same
/// rows, head 128, full width, one layout; decode (one row) at position 1000, prefill from 0. Holds the
/// vectors, PEGen's buffers (in place, and destinations for the out-of-place forms), ORT as one session of a
/// two-node model and as two one-node sessions, and ggml as one graph of two rope nodes out of place and one
/// of two in-place nodes, all set up once with the layout mapping <see cref="PeerAgreement"/> measured, and
/// checked at this shape before timing (same bounds).
/// </summary>
internal sealed class QueryKeyPeerSet : IDisposable
{
    public const int QueryHeads = 32, KeyHeads = 8;

    public QueryKeyPeerSet(RotaryLayout layout, int rows)
    {
        Layout = layout;
        Rows = rows;
        Start = rows == 1 ? RotaryPeerSet.DecodeStart : 0;
        var form = RotaryForm.Of(layout);
        var mapping = PeerAgreement.For(layout);

        Queries = Shapes.Random(rows * QueryHeads * RotaryForm.Dim, 21);
        Keys = Shapes.Random(rows * KeyHeads * RotaryForm.Dim, 22);
        InPlaceQueries = (float[])Queries.Clone();
        InPlaceKeys = (float[])Keys.Clone();
        QueryDestination = new float[Queries.Length];
        KeyDestination = new float[Keys.Length];
        CopyQueries = new float[Queries.Length];
        CopyKeys = new float[Keys.Length];
        OrtQueries = new float[Queries.Length];
        OrtKeys = new float[Keys.Length];

        OrtTwoNodes = new OrtRotary(mapping.OrtInterleaved, rows, RotaryForm.Dim, form.RotaryDim, Start,
            new[] { (QueryHeads, Queries, OrtQueries), (KeyHeads, Keys, OrtKeys) }, form.Cos, form.Sin);
        OrtQuery = new OrtRotary(mapping.OrtInterleaved, rows, QueryHeads, RotaryForm.Dim, form.RotaryDim, Start, Queries, OrtQueries, form.Cos, form.Sin);
        OrtKey = new OrtRotary(mapping.OrtInterleaved, rows, KeyHeads, RotaryForm.Dim, form.RotaryDim, Start, Keys, OrtKeys, form.Cos, form.Sin);
        var inputs = new[] { (QueryHeads, Queries), (KeyHeads, Keys) };
        Ggml = new GgmlRotary(form.Ggml(mapping.GgmlMode), rows, Start, inputs, persistentThreadpool: true, inPlace: false);
        GgmlInPlace = new GgmlRotary(form.Ggml(mapping.GgmlMode), rows, Start, inputs, persistentThreadpool: true, inPlace: true);
        Check(form);
    }

    public RotaryLayout Layout { get; }
    public int Rows { get; }
    public int Start { get; }
    public float[] Queries { get; }
    public float[] Keys { get; }
    public float[] InPlaceQueries { get; }
    public float[] InPlaceKeys { get; }
    public float[] QueryDestination { get; }
    public float[] KeyDestination { get; }
    public float[] CopyQueries { get; }
    public float[] CopyKeys { get; }
    public float[] OrtQueries { get; }
    public float[] OrtKeys { get; }
    public OrtRotary OrtTwoNodes { get; }
    public OrtRotary OrtQuery { get; }
    public OrtRotary OrtKey { get; }
    public GgmlRotary Ggml { get; }
    public GgmlRotary GgmlInPlace { get; }

    public void Dispose()
    {
        OrtTwoNodes.Dispose();
        OrtQuery.Dispose();
        OrtKey.Dispose();
        Ggml.Dispose();
        GgmlInPlace.Dispose();
    }

    private void Check(RotaryForm form)
    {
        double[] exactQ = form.Exact(Queries, QueryHeads, Start), exactK = form.Exact(Keys, KeyHeads, Start);
        Layout.RotateQueryKey(InPlaceQueries, QueryHeads, InPlaceKeys, KeyHeads, Start);
        double pegen = Math.Max(ExactRotation.RelativeError(InPlaceQueries, exactQ), ExactRotation.RelativeError(InPlaceKeys, exactK));
        Layout.Rotate(Queries, QueryDestination, Start, QueryHeads);
        Layout.Rotate(Keys, KeyDestination, Start, KeyHeads);
        double pegenOut = Math.Max(ExactRotation.RelativeError(QueryDestination, exactQ), ExactRotation.RelativeError(KeyDestination, exactK));

        OrtTwoNodes.RunWithBinding();
        double ortNodes = OrtError();
        Array.Clear(OrtQueries);
        Array.Clear(OrtKeys);
        OrtQuery.RunWithBinding();
        OrtKey.RunWithBinding();
        double ortSessions = OrtError();

        Ggml.Compute();
        double ggml = Math.Max(ExactRotation.RelativeError(Ggml.OutputOf(0), exactQ), ExactRotation.RelativeError(Ggml.OutputOf(1), exactK));
        GgmlInPlace.Compute();
        double ggmlInPlace = Math.Max(ExactRotation.RelativeError(GgmlInPlace.OutputOf(0), exactQ), ExactRotation.RelativeError(GgmlInPlace.OutputOf(1), exactK));

        if (pegen > 1e-3 || pegenOut > 1e-3 || ortNodes > 1e-5 || ortSessions > 1e-5 || ggml > 1e-2 || ggmlInPlace > 1e-2)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"RotateQueryKey {Layout} {Rows} rows x (32q + 8k) x 128 from {Start}: PEGen RotateQueryKey vs exact {pegen}, two Rotate to destinations {pegenOut}, ORT two nodes vs PEGen {ortNodes}, two sessions {ortSessions}, ggml vs exact {ggml}, in place {ggmlInPlace}"));

        // ORT against PEGen's out-of-place result: both read PEGen's tables.
        double OrtError() => Math.Max(ExactRotation.RelativeError(OrtQueries, QueryDestination), ExactRotation.RelativeError(OrtKeys, KeyDestination));
    }
}
