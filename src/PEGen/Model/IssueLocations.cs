namespace PEGen.Model;

/// <summary>
/// Where each issue of one declaration would be reported, as plain values: kept only for <c>ConfigFile</c>
/// declarations, whose rules run in a later step (after the config files are read) that has no syntax to ask.
/// </summary>
/// <param name="Arguments">The named arguments of the attribute, in source order, with their locations.</param>
/// <param name="HasAttribute">Whether the attribute's syntax was found (else every issue goes to <paramref name="Declaration"/>).</param>
/// <param name="Attribute">The attribute: issues about an argument that is not written.</param>
/// <param name="Declaration">The class name: issues about no argument.</param>
internal sealed record IssueLocations(EquatableArray<NamedLocation> Arguments, bool HasAttribute, LocationInfo? Attribute, LocationInfo? Declaration)
{
    /// <summary>The location of <paramref name="issue"/>, by the rule of <see cref="Diagnostics.IssueLocation.Of"/>.</summary>
    public LocationInfo? For(ValidationIssue issue)
    {
        if (issue.Argument is not { } name || !HasAttribute) return Declaration;
        foreach (var argument in Arguments)
        {
            if (argument.Name == name) return argument.Location;
        }
        return Attribute;
    }
}

/// <summary>A named attribute argument and its location.</summary>
/// <param name="Name">The property name.</param>
/// <param name="Location">The whole <c>Name = value</c> argument.</param>
internal sealed record NamedLocation(string Name, LocationInfo? Location);

/// <summary>
/// The generator's first step for one annotated class. Without a <c>ConfigFile</c> the class is validated at once
/// (<see cref="Outcome"/>, no location unless it has errors); with one, the rules need the config files, so the
/// parsed declaration and its issue locations wait in <see cref="Pending"/>.
/// </summary>
/// <param name="Outcome">The validated outcome, or null.</param>
/// <param name="Pending">The declaration awaiting its config file, or null.</param>
internal sealed record DeclarationInput(DeclarationOutcome? Outcome, PendingDeclaration? Pending)
{
    /// <summary>The ConfigFile the declaration names, or null.</summary>
    public string? ConfigFile => Pending?.Declaration.Arguments.Rotary.ConfigFile;
}

/// <summary>A <c>ConfigFile</c> declaration before its rules run.</summary>
/// <param name="Declaration">The parsed declaration.</param>
/// <param name="Locations">Where its issues go.</param>
internal sealed record PendingDeclaration(ParsedDeclaration Declaration, IssueLocations Locations);
