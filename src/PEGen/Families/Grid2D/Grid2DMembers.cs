using System.Collections.Generic;
using PEGen.Members;
using static PEGen.Members.ParameterRole;
using static PEGen.Members.ParameterType;

namespace PEGen.Families.Grid2D;

/// <summary>
/// The members of a <c>[PositionalEncoding2D]</c> class (SPEC section 7). <c>Dim</c>, <c>MaxLen</c>, <c>Table</c>,
/// <c>AddTo</c>, <c>Add</c> and <c>CopyRows</c> are the 1-D definitions of <see cref="GeneratedMembers"/> (their
/// parameters, argument checks and docs); the grid adds its shape constants, the patch-indexed <c>Row</c> and <c>AddWindowTo</c>.
/// </summary>
internal static class Grid2DMembers
{
    public static readonly GeneratedMember GridHeight = new(nameof(GridHeight), MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember GridWidth = new(nameof(GridWidth), MemberKind.Constant, new GeneratedParameter[0]);

    public static readonly GeneratedMember ExtraTokens = new(nameof(ExtraTokens), MemberKind.Constant, new GeneratedParameter[0]);

    /// <summary><c>Row(int index)</c>: the 1-D <c>Row</c>, its parameter named as SPEC section 7 names it.</summary>
    public static readonly GeneratedMember Row = GeneratedMembers.Row with
    {
        Parameters = new[] { new GeneratedParameter("index", Int32, null, Position, "The table row, in [0, MaxLen): ExtraTokens + patchRow * GridWidth + patchColumn for a patch.") },
        Exceptions = new[] { new GeneratedException(true, "<paramref name=\"index\"/> is negative or at least MaxLen.") },
    };

    public static readonly GeneratedMember PatchRow = new(nameof(Row), MemberKind.Method, new[]
    {
        new GeneratedParameter("patchRow", Int32, null, None, "The patch's row, in [0, GridHeight)."),
        new GeneratedParameter("patchColumn", Int32, null, None, "The patch's column, in [0, GridWidth)."),
    }, Exceptions: new[]
    {
        new GeneratedException(true, "<paramref name=\"patchRow\"/> is outside [0, GridHeight) or <paramref name=\"patchColumn\"/> outside [0, GridWidth)."),
    }, Returns: ReadOnlyElementSpan, HotPath: false);

    /// <summary>The 1-D <c>AddTo</c>, its start position described as a table row.</summary>
    public static readonly GeneratedMember AddTo = GeneratedMembers.AddTo with
    {
        Parameters = new[]
        {
            GeneratedMembers.AddTo.Parameters[0],
            GeneratedMembers.AddTo.Parameters[1] with { Doc = "Table row of the first embedding row (0: the span starts with the extra tokens)." },
        },
    };

    public static readonly GeneratedMember AddWindowTo = new(nameof(AddWindowTo), MemberKind.Method, new[]
    {
        new GeneratedParameter("patches", ElementSpan, null, Rows,
            "Row-major [patchRows * patchColumns x Dim] patch embeddings (no extra tokens), exactly that long; row i * patchColumns + j is patch (top + i, left + j)."),
        new GeneratedParameter("patchRows", Int32, null, None, "Rows of the window, in [0, GridHeight]."),
        new GeneratedParameter("patchColumns", Int32, null, None, "Columns of the window, in [0, GridWidth]."),
        new GeneratedParameter("top", Int32, "0", None, "The window's first grid row, in [0, GridHeight - patchRows] (a centre crop: (GridHeight - patchRows) / 2)."),
        new GeneratedParameter("left", Int32, "0", None, "The window's first grid column, in [0, GridWidth - patchColumns]."),
    }, RowWidth.Dim, Exceptions: new[]
    {
        new GeneratedException(false, "The length of <paramref name=\"patches\"/> is not patchRows * patchColumns * Dim."),
        new GeneratedException(true, "<paramref name=\"patchRows\"/> or <paramref name=\"patchColumns\"/> is negative or larger than the grid, or " +
            "<paramref name=\"top\"/> or <paramref name=\"left\"/> puts the window outside the grid."),
    });

    /// <summary>Every member name a grid class can get (PEG009's user members, PEG011's syntax filter).</summary>
    public static readonly string[] Names =
    {
        nameof(GeneratedMembers.Dim), nameof(GridHeight), nameof(GridWidth), nameof(ExtraTokens), nameof(GeneratedMembers.MaxLen),
        nameof(GeneratedMembers.Table), nameof(Row), nameof(GeneratedMembers.CopyRows), nameof(AddTo), nameof(GeneratedMembers.Add), nameof(AddWindowTo),
    };

    /// <summary>The members of a declaration: Compact has no Table and no Row.</summary>
    public static IEnumerable<GeneratedMember> For(bool compact)
    {
        yield return GeneratedMembers.Dim;
        yield return GridHeight;
        yield return GridWidth;
        yield return ExtraTokens;
        yield return GeneratedMembers.MaxLen;
        if (!compact)
        {
            yield return GeneratedMembers.Table;
            yield return Row;
            yield return PatchRow;
        }
        yield return GeneratedMembers.CopyRows;
        yield return AddTo;
        yield return GeneratedMembers.Add;
        yield return AddWindowTo;
    }
}
