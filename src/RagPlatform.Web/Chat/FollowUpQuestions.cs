using RagPlatform.Core.Answers;

namespace RagPlatform.Web.Chat;

/// <summary>
/// Suggests what to ask next from the sections an answer cites: the most specific heading of each cited passage (or
/// the document title when it has none), phrased in the answer's language.
/// </summary>
internal static class FollowUpQuestions
{
    public const int MaxSuggestions = 3;

    public static IReadOnlyList<string> Suggest(GroundedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Abstained)
        {
            return [];
        }

        return answer.Citations
            .Select(citation => Topic(citation))
            .Where(topic => topic.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxSuggestions)
            .Select(topic => answer.Language == "id" ? $"Jelaskan lebih lanjut tentang {topic}" : $"Tell me more about {topic}")
            .ToList();
    }

    private static string Topic(Citation citation)
    {
        var heading = citation.HeadingPath.Split(" > ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return (heading ?? citation.Title).Trim();
    }
}
