using System.CommandLine;
using RagPlatform.Cli.Rendering;
using RagPlatform.Core.Answers;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp ask "question"</c>: one cited answer from the indexed documents.</summary>
internal static class AskCommand
{
    private static readonly Argument<string> Question = new("question") { Description = "The question, in Indonesian or English" };

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("ask", "Answer a question from the indexed documents, with citations") { Question };
        AnswerOptions.AddTo(command);
        CommandRunner.SetAction(command, environment, RunAsync, AnswerOptions.ToConfiguration);
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context)
    {
        var promptComponents = AnswerOptions.GetPromptComponents(context);
        var filter = AnswerOptions.GetFilter(context);
        var weights = AnswerOptions.GetWeights(context.ParseResult);
        await SampleCorpusProgress.SeedIfEmptyAsync(context);
        var request = new AskRequest(
            context.ParseResult.GetValue(Question) ?? string.Empty,
            TopK: context.ParseResult.GetValue(AnswerOptions.TopK),
            Filter: filter,
            PromptComponents: promptComponents,
            Weights: weights);
        var answerer = context.Get<IQuestionAnswerer>();
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, await answerer.AskAsync(request, context.CancellationToken));
            return CommandRunner.Success;
        }

        await AnswerRenderer.StreamAsync(context.Console, answerer.AskStreamingAsync(request, context.CancellationToken));
        return CommandRunner.Success;
    }
}
