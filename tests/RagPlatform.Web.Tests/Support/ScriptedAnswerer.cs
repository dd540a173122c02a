using System.Runtime.CompilerServices;
using RagPlatform.Core.Answers;

namespace RagPlatform.Web.Tests.Support;

/// <summary>
/// Streams a fixed answer piece by piece and records every request. With <see cref="HoldAfterFirstDelta"/> it sends
/// the first piece and then waits until the request is cancelled, like a slow generator that the user stops.
/// </summary>
internal sealed class ScriptedAnswerer(Func<AskRequest, GroundedAnswer> answer) : IQuestionAnswerer
{
    public List<AskRequest> Requests { get; } = [];

    public bool HoldAfterFirstDelta { get; init; }

    public async Task<GroundedAnswer> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        GroundedAnswer? completed = null;
        await foreach (var update in AskStreamingAsync(request, cancellationToken))
        {
            completed = update.Completed ?? completed;
        }

        return completed!;
    }

    public async IAsyncEnumerable<AnswerUpdate> AskStreamingAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        var final = answer(request);
        var pieces = final.Text.Split(' ');
        for (var i = 0; i < pieces.Length; i++)
        {
            await Task.Yield();
            yield return new AnswerUpdate(i == 0 ? pieces[i] : " " + pieces[i]);
            if (HoldAfterFirstDelta)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }

        yield return new AnswerUpdate(string.Empty, final);
    }
}
