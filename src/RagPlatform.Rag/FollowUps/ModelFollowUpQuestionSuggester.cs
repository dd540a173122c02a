using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using RagPlatform.Core.Answers;
using RagPlatform.Prompts;

namespace RagPlatform.Rag.FollowUps;

/// <summary>
/// Asks the configured chat model for follow-ups with the prompt library's "follow-up-questions" template, run as a
/// kernel prompt function so the question and answer travel only as template data. When the call fails or the reply
/// holds no usable question, the suggestions come from the cited headings instead, and the reason is logged.
/// </summary>
public sealed partial class ModelFollowUpQuestionSuggester(
    Microsoft.SemanticKernel.Kernel kernel,
    PromptLibrary library,
    ILogger<ModelFollowUpQuestionSuggester> logger) : IFollowUpQuestionSuggester
{
    private const int LoggedReplyLength = 200;

    public async Task<IReadOnlyList<string>> SuggestAsync(GroundedAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Abstained)
        {
            return [];
        }

        string reply;
        try
        {
            var arguments = new KernelArguments { ["question"] = answer.Question, ["answer"] = answer.Text };
            var result = await kernel.InvokeAsync(library.CreateFunction(PromptTemplateNames.FollowUpQuestions), arguments, cancellationToken).ConfigureAwait(false);
            reply = result.ToString();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogModelFailed(logger, exception);
            return HeadingFollowUpQuestionSuggester.Suggest(answer);
        }

        var questions = FollowUpQuestionParser.Parse(reply, answer.Question, HeadingFollowUpQuestionSuggester.MaxSuggestions);
        if (questions.Count > 0)
        {
            return questions;
        }

        LogNoQuestions(logger, reply.Length > LoggedReplyLength ? reply[..LoggedReplyLength] + "…" : reply);
        return HeadingFollowUpQuestionSuggester.Suggest(answer);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model could not suggest follow-up questions; suggesting from the cited headings instead")]
    private static partial void LogModelFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The model's follow-up reply held no questions; suggesting from the cited headings instead. Reply: {Reply}")]
    private static partial void LogNoQuestions(ILogger logger, string reply);
}
