using System;
using System.Globalization;
using System.Linq;
using PEGen.Numerics;
using PEGen.Parsing.Config;

namespace PEGen.Tests.Parsing.Config;

/// <summary>The strict JSON reader the config files go through, and its correctly rounded number conversion.</summary>
public sealed class JsonReaderTests
{
    private static JsonValue Parse(string text)
    {
        Assert.True(JsonReader.TryParse(text, out var value, out string error), error);
        return value;
    }

    private static string Fail(string text)
    {
        Assert.False(JsonReader.TryParse(text, out _, out string error), "accepted: " + text);
        return error;
    }

    [Fact]
    public void ReadsNestedObjectsAndArraysInOrder()
    {
        var v = Parse(" \uFEFF".Trim() + "{\"a\": [1, -2.5, true, false, null, {\"b\": []}], \"c\": {}, \"d\": \"x\"}\r\n");
        Assert.Equal(JsonKind.Object, v.Kind);
        Assert.Equal(new[] { "a", "c", "d" }, v.Members.Select(m => m.Key));
        var a = v["a"]!.Items;
        Assert.Equal(new[] { JsonKind.Number, JsonKind.Number, JsonKind.Boolean, JsonKind.Boolean, JsonKind.Null, JsonKind.Object }, a.Select(i => i.Kind));
        Assert.Equal(-2.5, a[1].Number);
        Assert.True(a[2].Boolean);
        Assert.Empty(a[5]["b"]!.Items);
        Assert.Null(v["missing"]);
        Assert.Equal("x", v["d"]!.String);
    }

    [Fact]
    public void ReadsEveryEscape()
    {
        var v = Parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u20AC \\ud83d\\ude00\"");
        Assert.Equal("q\" b\\ s/ \b\f\n\r\t é€ 😀", v.String);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("-0", -0.0)]
    [InlineData("500000.0", 500000.0)]
    [InlineData("1e-05", 1e-05)]
    [InlineData("1E+6", 1e6)]
    [InlineData("1.0199999809265137", 1.0199999809265137)]
    [InlineData("0.1", 0.1)]
    [InlineData("2.2250738585072011e-308", 2.2250738585072011e-308)]
    [InlineData("4.9406564584124654e-324", 4.9406564584124654e-324)]
    [InlineData("2.4703282292062328e-324", 4.9406564584124654e-324)]   // just above half the smallest subnormal
    [InlineData("2.4703282292062327e-324", 0.0)]
    [InlineData("1.7976931348623157e308", 1.7976931348623157e308)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568e29)]
    [InlineData("0.000000000000000000000000000001", 1e-30)]
    public void NumbersAreCorrectlyRoundedDoubles(string text, double expected)
    {
        double value = Parse(text).Number;
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>.NET Core's parser is correctly rounded (IEEE 754-2008), so it is the reference here.</summary>
    [Fact]
    public void RandomDecimalsMatchTheRuntimesCorrectlyRoundedParser()
    {
        var random = new Random(20261201);
        for (int i = 0; i < 20000; i++)
        {
            int digits = 1 + random.Next(i % 3 == 0 ? 40 : 17);
            var chars = new char[digits];
            for (int d = 0; d < digits; d++) chars[d] = (char)('0' + random.Next(10));
            int exponent = random.Next(-340, 320);
            string text = new string(chars) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
            double expected = double.Parse(text, CultureInfo.InvariantCulture);
            double actual = DecimalToDouble.Convert(false, new string(chars), exponent);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), text + ": " + expected.ToString("R", CultureInfo.InvariantCulture) + " vs " + actual.ToString("R", CultureInfo.InvariantCulture));
        }
        // Exact midpoints between neighbouring doubles (ties to even), and just above and below them.
        for (int i = 0; i < 2000; i++)
        {
            double a = BitConverter.Int64BitsToDouble((long)(random.NextDouble() * 0x7FE0000000000000L));
            var (digits, exponent) = Midpoint(a);
            foreach (var (variant, e) in new[] { (digits, exponent), (digits + "1", exponent - 1), (Below(digits), exponent - 1) })
            {
                string text = variant + "e" + e.ToString(CultureInfo.InvariantCulture);
                double expected = double.Parse(text, CultureInfo.InvariantCulture);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(DecimalToDouble.Convert(false, variant, e)), text);
            }
        }
    }

    // The exact decimal digits and power of ten of the midpoint between a and its successor.
    private static (string Digits, long Exponent) Midpoint(double a)
    {
        long bits = BitConverter.DoubleToInt64Bits(a);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & ((1L << 52) - 1);
        if (biased != 0) mantissa |= 1L << 52; else biased = 1;
        // midpoint = (2m + 1) * 2^(biased - 1076); for a negative power, (2m + 1) * 5^k / 10^k.
        var m = new System.Numerics.BigInteger(2 * mantissa + 1);
        int e2 = biased - 1076;
        return e2 >= 0
            ? ((m << e2).ToString(CultureInfo.InvariantCulture), 0)
            : ((m * System.Numerics.BigInteger.Pow(5, -e2)).ToString(CultureInfo.InvariantCulture), e2);
    }

    // The digits times ten, minus one: just below the midpoint (one more digit, so the exponent drops by one).
    private static string Below(string digits) =>
        (System.Numerics.BigInteger.Parse(digits, CultureInfo.InvariantCulture) * 10 - 1).ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("{\"a\": 1,}", "trailing comma")]
    [InlineData("[1,]", "trailing comma")]
    [InlineData("{'a': 1}", "member name in double quotes")]
    [InlineData("{\"a\" 1}", "expected ':'")]
    [InlineData("01", "leading zeros")]
    [InlineData("1.", "after the decimal point")]
    [InlineData(".5", "expected a value")]
    [InlineData("1e", "in the exponent")]
    [InlineData("+1", "expected a value")]
    [InlineData("NaN", "NaN and Infinity")]
    [InlineData("Infinity", "NaN and Infinity")]
    [InlineData("-Infinity", "expected a digit")]
    [InlineData("tru", "expected a value")]
    [InlineData("\"a\tb\"", "control character")]
    [InlineData("\"\\x\"", "invalid escape")]
    [InlineData("\"\\u12g4\"", "four hexadecimal digits")]
    [InlineData("\"open", "unterminated string")]
    [InlineData("{} {}", "after the value")]
    [InlineData("{\"a\": 1, \"a\": 1}", "duplicate key")]
    [InlineData("/* c */ {}", "expected a value")]
    [InlineData("1e999", "outside the double range")]
    [InlineData("", "unexpected end")]
    [InlineData("   ", "unexpected end")]
    public void RejectsWhatIsNotStrictJson(string text, string message) => Assert.Contains(message, Fail(text));

    [Fact]
    public void ErrorsNameLineAndColumn() =>
        Assert.StartsWith("line 3, column 8:", Fail("{\n  \"a\": 1,\n  \"b\": x\n}"));

    [Fact]
    public void NestingIsBoundedWithoutOverflowingTheStack()
    {
        Assert.Contains("nested deeper than 64", Fail(new string('[', 100000) + new string(']', 100000)));
        Parse(new string('[', 64) + new string(']', 64));
    }

    [Fact]
    public void HugeExponentsAndManyDigitsStayFast()
    {
        Assert.Equal(0.0, Parse("1e-99999999999999999999").Number);
        Assert.Equal(1.0, Parse("1." + new string('0', 5000) + "1").Number);
        Assert.Contains("outside the double range", Fail("9" + new string('9', 400)));
    }
}
