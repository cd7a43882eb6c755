using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PEGen.Numerics;

namespace PEGen.Parsing.Config;

/// <summary>The kinds of JSON values.</summary>
internal enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// One parsed JSON value. Objects keep their members in file order; numbers are doubles (correctly
/// rounded, culture-invariant). Short-lived: the pipeline keeps only the values read out of it.
/// </summary>
internal sealed class JsonValue
{
    private JsonValue(JsonKind kind) => Kind = kind;

    public JsonKind Kind { get; }
    public bool Boolean { get; private set; }
    public double Number { get; private set; }
    public string String { get; private set; } = string.Empty;
    public IReadOnlyList<JsonValue> Items { get; private set; } = System.Array.Empty<JsonValue>();
    public IReadOnlyList<KeyValuePair<string, JsonValue>> Members { get; private set; } = System.Array.Empty<KeyValuePair<string, JsonValue>>();

    /// <summary>The member named <paramref name="key"/> of an object, or null (also for other kinds).</summary>
    public JsonValue? this[string key]
    {
        get
        {
            foreach (var member in Members)
            {
                if (member.Key == key) return member.Value;
            }
            return null;
        }
    }

    public static readonly JsonValue Null = new(JsonKind.Null);
    public static JsonValue Of(bool value) => new(JsonKind.Boolean) { Boolean = value };
    public static JsonValue Of(double value) => new(JsonKind.Number) { Number = value };
    public static JsonValue Of(string value) => new(JsonKind.String) { String = value };
    public static JsonValue Of(List<JsonValue> items) => new(JsonKind.Array) { Items = items };
    public static JsonValue Of(List<KeyValuePair<string, JsonValue>> members) => new(JsonKind.Object) { Members = members };
}

/// <summary>
/// A strict RFC 8259 JSON reader (no comments, trailing commas, NaN/Infinity, single quotes or
/// duplicate keys), small enough for a netstandard2.0 analyzer that cannot ship System.Text.Json.
/// Errors name the line and column; nothing throws.
/// </summary>
internal static class JsonReader
{
    /// <summary>Deepest nesting accepted (config.json files nest two or three levels).</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says where and why.</summary>
    public static bool TryParse(string text, out JsonValue value, out string error)
    {
        var reader = new State(text);
        if (text.Length > 0 && text[0] == '\uFEFF') reader.Position = 1;   // a UTF-8 byte order mark
        reader.SkipWhitespace();
        var parsed = reader.ParseValue(0);
        if (parsed is not null)
        {
            reader.SkipWhitespace();
            if (reader.Position < text.Length) reader.Fail("unexpected '" + Shown(text[reader.Position]) + "' after the value");
        }
        if (reader.Error is not null || parsed is null)
        {
            value = JsonValue.Null;
            error = reader.Error ?? "no value";
            return false;
        }
        value = parsed;
        error = string.Empty;
        return true;
    }

    private static string Shown(char c) => c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();

    private sealed class State
    {
        private readonly string _text;

        public State(string text) => _text = text;

        public int Position;
        public string? Error;

        public void Fail(string message)
        {
            if (Error is not null) return;
            int line = 1, column = 1;
            for (int i = 0; i < Position && i < _text.Length; i++)
            {
                if (_text[i] == '\n') { line++; column = 1; }
                else column++;
            }
            Error = "line " + line.ToString(CultureInfo.InvariantCulture) + ", column " + column.ToString(CultureInfo.InvariantCulture) + ": " + message;
        }

        public void SkipWhitespace()
        {
            while (Position < _text.Length && _text[Position] is ' ' or '\t' or '\n' or '\r') Position++;
        }

        public JsonValue? ParseValue(int depth)
        {
            if (Position >= _text.Length) { Fail("unexpected end of the file, expected a value"); return null; }
            char c = _text[Position];
            switch (c)
            {
                case '{': return depth >= MaxDepth ? TooDeep() : ParseObject(depth + 1);
                case '[': return depth >= MaxDepth ? TooDeep() : ParseArray(depth + 1);
                case '"': return ParseString() is { } s ? JsonValue.Of(s) : null;
                case 't': return Literal("true", JsonValue.Of(true));
                case 'f': return Literal("false", JsonValue.Of(false));
                case 'n': return Literal("null", JsonValue.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
                    if (c is 'N' or 'I') Fail("NaN and Infinity are not JSON numbers");
                    else Fail("unexpected '" + Shown(c) + "', expected a value");
                    return null;
            }
        }

        private JsonValue? TooDeep()
        {
            Fail("nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            return null;
        }

        private JsonValue? Literal(string word, JsonValue value)
        {
            if (string.CompareOrdinal(_text, Position, word, 0, word.Length) == 0 &&
                (Position + word.Length == _text.Length || !char.IsLetterOrDigit(_text[Position + word.Length])))
            {
                Position += word.Length;
                return value;
            }
            Fail("unexpected '" + Shown(_text[Position]) + "', expected a value");
            return null;
        }

        private JsonValue? ParseObject(int depth)
        {
            Position++;   // '{'
            var members = new List<KeyValuePair<string, JsonValue>>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            SkipWhitespace();
            if (Peek() == '}') { Position++; return JsonValue.Of(members); }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"') { Fail(Peek() == '}' ? "trailing comma before '}'" : "expected a member name in double quotes"); return null; }
                int keyStart = Position;
                if (ParseString() is not { } key) return null;
                if (!seen.Add(key)) { Position = keyStart; Fail("duplicate key \"" + key + "\""); return null; }
                SkipWhitespace();
                if (Peek() != ':') { Fail("expected ':' after the member name"); return null; }
                Position++;
                SkipWhitespace();
                if (ParseValue(depth) is not { } value) return null;
                members.Add(new KeyValuePair<string, JsonValue>(key, value));
                SkipWhitespace();
                char next = Peek();
                Position++;
                if (next == '}') return JsonValue.Of(members);
                if (next != ',') { Position--; Fail("expected ',' or '}' in an object"); return null; }
            }
        }

        private JsonValue? ParseArray(int depth)
        {
            Position++;   // '['
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']') { Position++; return JsonValue.Of(items); }
            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']') { Fail("trailing comma before ']'"); return null; }
                if (ParseValue(depth) is not { } value) return null;
                items.Add(value);
                SkipWhitespace();
                char next = Peek();
                Position++;
                if (next == ']') return JsonValue.Of(items);
                if (next != ',') { Position--; Fail("expected ',' or ']' in an array"); return null; }
            }
        }

        private char Peek() => Position < _text.Length ? _text[Position] : '\0';

        private string? ParseString()
        {
            Position++;   // '"'
            var builder = new StringBuilder();
            while (true)
            {
                if (Position >= _text.Length) { Fail("unterminated string"); return null; }
                char c = _text[Position];
                if (c == '"') { Position++; return builder.ToString(); }
                if (c < ' ') { Fail("control character " + Shown(c) + " in a string (escape it)"); return null; }
                if (c != '\\') { builder.Append(c); Position++; continue; }
                if (Position + 1 >= _text.Length) { Fail("unterminated string"); return null; }
                char e = _text[Position + 1];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (Position + 6 > _text.Length ||
                            !int.TryParse(_text.Substring(Position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code) ||
                            !IsHex4(_text, Position + 2))
                        {
                            Fail("\\u needs four hexadecimal digits");
                            return null;
                        }
                        builder.Append((char)code);
                        Position += 4;
                        break;
                    default:
                        Fail("invalid escape \\" + Shown(e));
                        return null;
                }
                Position += 2;
            }
        }

        private static bool IsHex4(string text, int start)
        {
            for (int i = start; i < start + 4; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
            }
            return true;
        }

        // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        private JsonValue? ParseNumber()
        {
            int start = Position;
            bool negative = Peek() == '-';
            if (negative) Position++;
            var digits = new StringBuilder();
            if (Peek() == '0')
            {
                digits.Append('0');
                Position++;
                if (IsDigit(Peek())) { Fail("leading zeros are not allowed in a number"); return null; }
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek())) digits.Append(_text[Position++]);
            }
            else { Fail("expected a digit"); return null; }

            long exponent = 0;
            if (Peek() == '.')
            {
                Position++;
                if (!IsDigit(Peek())) { Fail("expected a digit after the decimal point"); return null; }
                while (IsDigit(Peek())) { digits.Append(_text[Position++]); exponent--; }
            }
            if (Peek() is 'e' or 'E')
            {
                Position++;
                bool negativeExponent = false;
                if (Peek() is '+' or '-') negativeExponent = _text[Position++] == '-';
                if (!IsDigit(Peek())) { Fail("expected a digit in the exponent"); return null; }
                long written = 0;
                while (IsDigit(Peek()))
                {
                    // Saturate: past 10^9 the value is infinite or zero either way.
                    if (written < 1_000_000_000) written = written * 10 + (_text[Position] - '0');
                    Position++;
                }
                exponent += negativeExponent ? -written : written;
            }

            double value = DecimalToDouble.Convert(negative, digits.ToString(), exponent);
            if (double.IsInfinity(value))
            {
                Position = start;
                Fail("the number " + _text.Substring(start, System.Math.Min(40, _text.Length - start)).Split(',', '}', ']', ' ', '\n', '\r', '\t')[0] + " is outside the double range");
                return null;
            }
            return JsonValue.Of(value);
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
