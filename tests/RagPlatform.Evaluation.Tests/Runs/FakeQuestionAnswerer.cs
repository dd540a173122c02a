using System.Runtime.CompilerServices;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Retrieval;

namespace RagPlatform.Evaluation.Tests.Runs;

/// <summary>Answers from a fixed script keyed by question; throws for questions it has no answer for.</summary>
internal sealed class FakeQuestionAnswerer(IReadOnlyDictionary<string, GroundedAnswer> answers) : IQuestionAnswerer
{
    public List<AskRequest> Requests { get; } = [];

    public Task<GroundedAnswer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return answers.TryGetValue(request.Question, out var answer)
            ? Task.FromResult(answer with { Context = answer.Context.Take(request.TopK ?? int.MaxValue).ToList() })
            : throw new InvalidOperationException($"The generator is down for '{request.Question}'.");
    }

    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var answer = await AskAsync(request, cancellationToken);
        yield return new AnswerUpdate(answer.Text, answer);
    }

    public static ScoredChunk Chunk(string documentId, int index, string text, double score) =>
        new(new Chunk(Core.Documents.Chunk.CreateId(documentId, index), documentId, index, text, $"corpus/{documentId}.md", documentId, "Notes", null, 0, text.Length, text.Split(' ').Length), score);

    public static Citation Cite(int number, ScoredChunk chunk) =>
        new(number, chunk.Chunk.Id, chunk.Chunk.DocumentId, chunk.Chunk.SourcePath, chunk.Chunk.Title, chunk.Chunk.HeadingPath, null, chunk.Chunk.Text[..Math.Min(40, chunk.Chunk.Text.Length)], 0, 40);
}
