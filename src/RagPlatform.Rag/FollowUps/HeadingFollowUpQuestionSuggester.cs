using RagPlatform.Core.Answers;

namespace RagPlatform.Rag.FollowUps;

/// <summary>
/// Suggests follow-ups without a model, from the sections an answer cites: the most specific heading of each cited
/// passage (or the document title when it has none), phrased in the answer's language.
/// </summary>
public sealed class HeadingFollowUpQuestionSuggester : IFollowUpQuestionSuggester
{
    internal const int MaxSuggestions = 3;

    public Task<IReadOnlyList<string>> SuggestAsync(GroundedAnswer answer, CancellationToken cancellationToken = default) =>
        Task.FromResult(Suggest(answer));

    internal static IReadOnlyList<string> Suggest(GroundedAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Abstained)
        {
            return [];
        }

        return answer.Citations
            .Select(Topic)
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
