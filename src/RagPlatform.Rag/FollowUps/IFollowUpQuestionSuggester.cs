using RagPlatform.Core.Answers;

namespace RagPlatform.Rag.FollowUps;

/// <summary>Suggests what to ask next after an answer.</summary>
public interface IFollowUpQuestionSuggester
{
    /// <returns>At most three distinct questions, none equal to the answered one; empty for an abstention.</returns>
    Task<IReadOnlyList<string>> SuggestAsync(GroundedAnswer answer, CancellationToken cancellationToken = default);
}
