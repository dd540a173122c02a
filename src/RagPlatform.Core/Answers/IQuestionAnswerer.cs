namespace RagPlatform.Core.Answers;

/// <summary>Answers questions from the indexed documents, with citations, or abstains.</summary>
public interface IQuestionAnswerer
{
    Task<GroundedAnswer> AskAsync(AskRequest request, CancellationToken cancellationToken = default);

    IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AskRequest request, CancellationToken cancellationToken = default);
}
