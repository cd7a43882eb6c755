using PEGen.Model;
using PEGen.Numerics;
using PEGen.Schemes.Frequencies;

namespace PEGen.Schemes.Definitions;

/// <summary>
/// tensor2tensor <c>common_attention.get_timing_signal_1d(length, channels, min_timescale=1.0, max_timescale=Base)</c>,
/// float32 (tf.to_float):
/// <code>
/// num_timescales = channels // 2
/// log_timescale_increment = (math.log(float(max_timescale) / float(min_timescale)) /
///                            tf.maximum(tf.to_float(num_timescales) - 1, 1))
/// inv_timescales = min_timescale * tf.exp(tf.to_float(tf.range(num_timescales)) * -log_timescale_increment)
/// scaled_time = tf.expand_dims(position, 1) * tf.expand_dims(inv_timescales, 0)
/// signal = tf.concat([tf.sin(scaled_time), tf.cos(scaled_time)], axis=1)
/// signal = tf.pad(signal, [[0, 0], [0, tf.mod(channels, 2)]])
/// </code>
/// Emulated: the Python double <c>ln(Base / 1)</c> (correctly rounded) meets a float32 tensor, so it is rounded to
/// float32 and divided in float32: <c>inc = f32(f32(ln Base) / f32(max(N - 1, 1)))</c>;
/// <c>inv_k = 1 * exp_f32(f32(f32(k) * -inc))</c>; then <see cref="Float32Frequency"/>; odd Dim: a zero last column.
/// start_index = 0, min_timescale = 1 (multiplying by 1.0 is exact).
/// </summary>
internal sealed class TensorToTensorScheme : TimescaleScheme
{
    public override SchemeKind Kind => SchemeKind.TensorToTensor;

    public override string Summary => "tensor2tensor's get_timing_signal_1d: halves, frequencies Base^(-k/(Dim/2-1)).";
    public override string Reference => "tensor2tensor get_timing_signal_1d";
    public override string Formula => "PE(p, k) = sin(p * Base^(-k/max(N-1,1))), PE(p, N+k) = cos(same), N = Dim/2";

    public static float[] InverseTimescales(int dim, double @base)
    {
        int n = dim / 2;
        float logRatio = (float)CorrectlyRounded.LogDouble(@base / 1.0);
        float denom = System.Math.Max((float)n - 1.0f, 1.0f);
        float inc = (float)(logRatio / denom);
        float negInc = -inc;
        var inv = new float[n];
        for (int k = 0; k < n; k++)
            inv[k] = (float)(1.0f * CorrectlyRounded.Exp((float)((float)k * negInc)));
        return inv;
    }

    public override Frequency[] Frequencies(EncodingSpec spec) => Float32Frequency.All(InverseTimescales(spec.Dim, spec.Base));

    public override string[] GoldenTables => new[] { "t2t_d9_L64", "t2t_d128_L1024" };
}
