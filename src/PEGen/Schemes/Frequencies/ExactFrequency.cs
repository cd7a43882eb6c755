using PEGen.Numerics;

namespace PEGen.Schemes.Frequencies;

/// <summary>
/// The exact frequency Base^(-num/den): every entry is the correctly rounded float32 of the true
/// sin/cos(p * Base^(-num/den)), computed host-independently (<see cref="ExactSinusoid"/>).
/// </summary>
internal sealed class ExactFrequency : Frequency
{
    private readonly ExactOmega _omega;

    public ExactFrequency(double @base, long num, long den)
    {
        _omega = ExactSinusoid.Prepare(@base, num, den);
        // Validation keeps |ln omega| far below the fast range's 600, so Omega is the frequency.
        RadiansPerPosition = _omega.Fast ? _omega.Omega.Hi : ExactSinusoid.InverseFrequency(@base, num, den).Hi;
    }

    public override double RadiansPerPosition { get; }

    public override Compact.CompactArithmetic CompactForm => Compact.CompactArithmetic.Exact;

    // omega as a double-double (relative error 2^-83) times an integer below 2^31: far below float64's 2^-53.
    public override DoubleDouble CompactAngle(long multiple) => _omega.Omega * (double)multiple;

    public override void SinCos(int position, out float sin, out float cos) =>
        ExactSinusoid.SinCos(position, in _omega, out sin, out cos);
}
