using System.Runtime.CompilerServices;
using RagPlatform.Core.Answers;

namespace RagPlatform.Web.E2ETests.Support;

/// <summary>
/// The platform's own answerer, re-streamed word by word with a pause between words: extractive answers otherwise
/// arrive in one burst, too fast to watch them stream or to press Stop.
/// </summary>
internal sealed class PacedAnswerer(IQuestionAnswerer inner, Func<TimeSpan> pausePerWord) : IQuestionAnswerer
{
    public Task<GroundedAnswer> AskAsync(AskRequest request, CancellationToken cancellationToken = default) =>
        inner.AskAsync(request, cancellationToken);

    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in inner.AskStreamingAsync(request, cancellationToken))
        {
            if (update.IsFinal)
            {
                yield return update;
                continue;
            }

            var words = update.TextDelta.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                await Task.Delay(pausePerWord(), cancellationToken);
                yield return new AnswerUpdate(i == 0 ? words[i] : " " + words[i]);
            }
        }
    }
}
