using PEGen.Numerics;

namespace PEGen.Schemes;

/// <summary>
/// tensor2tensor <c>common_attention.get_timing_signal_1d(length, channels, min_timescale=1.0, max_timescale=Base)</c>,
/// float32 (tf.to_float):
/// <code>
/// position = tf.to_float(tf.range(length) + start_index)
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
/// <c>inv_k = 1 * exp_f32(f32(f32(k) * -inc))</c>; <c>scaled = f32(f32(p) * inv_k)</c>; halves [sin | cos];
/// odd Dim: a zero last column. start_index = 0, min_timescale = 1 (multiplying by 1.0 is exact).
/// </summary>
internal static class TensorToTensorTable
{
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

    public static float[] Build(int dim, int maxLen, double @base) =>
        HalvesTable.Build(InverseTimescales(dim, @base), dim, maxLen);
}
