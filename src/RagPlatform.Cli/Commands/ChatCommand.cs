using System.CommandLine;
using RagPlatform.Cli.Rendering;
using RagPlatform.Core.Answers;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp chat</c>: an interactive conversation that keeps earlier turns for follow-up questions.</summary>
internal static class ChatCommand
{
    private const int RememberedTurns = 6;

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("chat", "Ask questions interactively; follow-up questions use the conversation so far");
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
        var answerer = context.Get<IQuestionAnswerer>();
        var history = new List<ConversationTurn>();
        context.Console.MarkupLine("[grey]Ask a question (Indonesian or English). Commands: /reset forgets the conversation, /exit or an empty line quits.[/]");
        while (true)
        {
            context.Console.Markup("[bold green]?[/] ");
            var line = (await context.Environment.In.ReadLineAsync(context.CancellationToken))?.Trim();
            if (string.IsNullOrEmpty(line) || line is "/exit" or "/quit")
            {
                return CommandRunner.Success;
            }

            if (line == "/reset")
            {
                history.Clear();
                context.Console.MarkupLine("[grey]Conversation cleared.[/]");
                continue;
            }

            var request = new AskRequest(line, history.ToList(), context.ParseResult.GetValue(AnswerOptions.TopK), filter, promptComponents, weights);
            try
            {
                var answer = context.Json
                    ? await answerer.AskAsync(request, context.CancellationToken)
                    : await AnswerRenderer.StreamAsync(context.Console, answerer.AskStreamingAsync(request, context.CancellationToken));
                if (context.Json)
                {
                    JsonOutput.Write(context.Environment.Out, answer);
                }

                history.Add(new ConversationTurn(answer.Question, answer.Text));
                if (history.Count > RememberedTurns)
                {
                    history.RemoveAt(0);
                }
            }
            catch (ArgumentException e)
            {
                context.Environment.Error.WriteLine($"error: {e.Message}");
            }
        }
    }
}
