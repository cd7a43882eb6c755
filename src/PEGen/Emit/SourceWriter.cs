using System;
using System.Text;

namespace PEGen.Emit;

/// <summary>A small indented text writer; generated sources always use '\n' line ends.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter(int capacity = 4096) => _builder = new StringBuilder(capacity);

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }
        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes several lines, each indented (for multi-line snippets written with '\n').</summary>
    public SourceWriter Lines(string text)
    {
        foreach (var line in text.Split('\n'))
            Line(line.TrimEnd('\r'));
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, and indents.</summary>
    public SourceWriter OpenBlock(string header)
    {
        if (header.Length > 0) Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    /// <summary>Indents following lines one more level (for bodies continued after <see cref="Lines"/>).</summary>
    public SourceWriter PushIndent()
    {
        _indent++;
        return this;
    }

    public SourceWriter PopIndent()
    {
        _indent--;
        return this;
    }

    /// <summary>Appends raw text without indentation (bulk table data).</summary>
    public StringBuilder Raw => _builder;

    public int Indent => _indent;

    public override string ToString() => _builder.ToString();

    public IDisposable Block(string header)
    {
        OpenBlock(header);
        return new Closer(this);
    }

    private sealed class Closer : IDisposable
    {
        private readonly SourceWriter _writer;
        public Closer(SourceWriter writer) => _writer = writer;
        public void Dispose() => _writer.CloseBlock();
    }
}
