namespace PEGen.Model;

/// <summary>
/// A member the user declared with a name the generator can add (PEG009 compares it with the generated
/// members by name and parameter types). Plain values only.
/// </summary>
/// <param name="Name">The member name.</param>
/// <param name="IsMethod">Methods clash only with a generated method of the same parameter types; anything else clashes by name.</param>
/// <param name="ParameterTypes">Parameter types as <see cref="Members.ParameterTypeText.Key"/> spells them ("ref " prefixed for by-reference).</param>
internal sealed record UserMember(string Name, bool IsMethod, EquatableArray<string> ParameterTypes);
