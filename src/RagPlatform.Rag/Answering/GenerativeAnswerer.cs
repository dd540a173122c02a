using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Retrieval;
using RagPlatform.Core.Text;

namespace RagPlatform.Rag.Answering;

/// <summary>
/// Answers with a generator model from the retrieved context. The model is asked to cite passages as [n]; after
/// generation every marker is checked against the numbered context, and markers that point at no passage are
/// removed from the final answer rather than shown as citations.
/// </summary>
public sealed partial class GenerativeAnswerer(
    IChatClient chatClient,
    IRagPromptBuilder promptBuilder,
    ITextAnalyzer analyzer,
    ILogger<GenerativeAnswerer> logger)
{
    public async IAsyncEnumerable<AnswerUpdate> AnswerAsync(
        AskRequest request,
        string language,
        IReadOnlyList<ScoredChunk> context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (context.Count == 0)
        {
            var abstention = AbstentionMessages.For(language);
            yield return new AnswerUpdate(abstention);
            yield return new AnswerUpdate(string.Empty, new GroundedAnswer(request.Question, abstention, [], true, language, AnswerMode.Generative, context));
            yield break;
        }

        var messages = await promptBuilder.BuildAsync(request, language, context, cancellationToken).ConfigureAwait(false);
        var text = new StringBuilder();
        await foreach (var update in chatClient.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                text.Append(update.Text);
                yield return new AnswerUpdate(update.Text);
            }
        }

        yield return new AnswerUpdate(string.Empty, Ground(request.Question, language, text.ToString().Trim(), context));
    }

    private GroundedAnswer Ground(string question, string language, string text, IReadOnlyList<ScoredChunk> context)
    {
        var invalid = CitationMarker().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).Where(n => n < 1 || n > context.Count).Distinct().ToList();
        if (invalid.Count > 0)
        {
            logger.LogWarning("The generator cited passages that do not exist ({Markers}); they were removed", string.Join(", ", invalid));
            text = CitationMarker().Replace(text, m => invalid.Contains(int.Parse(m.Groups[1].Value)) ? string.Empty : m.Value);
        }

        var citations = new List<Citation>();
        foreach (var sentenceSpan in SentenceSplitter.Split(text))
        {
            var sentence = text.Substring(sentenceSpan.Start, sentenceSpan.Length);
            foreach (Match marker in CitationMarker().Matches(sentence))
            {
                var number = int.Parse(marker.Groups[1].Value);
                if (citations.All(c => c.Number != number))
                {
                    citations.Add(CiteBestSentence(number, context[number - 1], sentence));
                }
            }
        }

        // The answer prompt tells the model to cite nothing when the passages do not contain the answer.
        var abstained = citations.Count == 0;
        return new GroundedAnswer(question, text, citations.OrderBy(c => c.Number).ToList(), abstained, language, AnswerMode.Generative, context);
    }

    // The quote shown for [n] is the sentence of passage n that shares most terms with the sentence citing it.
    private Citation CiteBestSentence(int number, ScoredChunk scored, string citingSentence)
    {
        var chunk = scored.Chunk;
        var wanted = analyzer.Analyze(citingSentence).ToHashSet(StringComparer.Ordinal);
        var best = SentenceSplitter.Split(chunk.Text)
            .Select(span => (Span: span, Shared: analyzer.Analyze(chunk.Text.Substring(span.Start, span.Length)).Count(wanted.Contains)))
            .OrderByDescending(x => x.Shared)
            .Select(x => x.Span)
            .DefaultIfEmpty(new TextSpan(0, chunk.Text.Length))
            .First();
        return new Citation(
            number, chunk.Id, chunk.DocumentId, chunk.SourcePath, chunk.Title, chunk.HeadingPath, chunk.Page,
            chunk.Text.Substring(best.Start, best.Length), chunk.StartOffset + best.Start, chunk.StartOffset + best.End);
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex CitationMarker();
}

/// <summary>Builds the chat messages that ask a generator to answer from numbered context passages.</summary>
public interface IRagPromptBuilder
{
    Task<IReadOnlyList<ChatMessage>> BuildAsync(AskRequest request, string language, IReadOnlyList<ScoredChunk> context, CancellationToken cancellationToken);
}
