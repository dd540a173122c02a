using System.Text.RegularExpressions;
using RagPlatform.Core.Text;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>Lower-cased letter/digit runs minus a few stop words: enough to make the index terms of a test predictable.</summary>
internal sealed partial class WordAnalyzer : ITextAnalyzer
{
    private static readonly HashSet<string> StopWords = ["the", "a", "of", "is"];

    public static WordAnalyzer Instance { get; } = new();

    public IReadOnlyList<string> Analyze(string text) =>
        Words().Matches(text).Select(match => match.Value.ToLowerInvariant()).Where(word => !StopWords.Contains(word)).ToList();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();
}
