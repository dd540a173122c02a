using System.Text.RegularExpressions;

namespace RagPlatform.Prompts.Loading;

/// <summary>Component and template names: easy to type on a command line and safe as file and function names.</summary>
internal static partial class LibraryNames
{
    public const string Rule = "lower-case letters and digits joined by single hyphens";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();
}
