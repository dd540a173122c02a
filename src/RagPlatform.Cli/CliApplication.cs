using System.CommandLine;
using RagPlatform.Cli.Commands;

namespace RagPlatform.Cli;

/// <summary>The <c>ragp</c> command line: parses arguments and runs the chosen command.</summary>
public static class CliApplication
{
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ragp — document Q&A with citations over your own files (Indonesian and English)")
        {
            IngestCommand.Create(environment),
            AskCommand.Create(environment),
            ChatCommand.Create(environment),
            DocsCommand.Create(environment),
            PromptsCommand.Create(environment),
            ModelsCommand.Create(environment),
            EvalCommand.Create(environment),
            ExperimentCommand.Create(environment),
            DoctorCommand.Create(environment),
        };
        GlobalOptions.AddTo(root);
        var invocation = new InvocationConfiguration { Output = environment.Out, Error = environment.Error };
        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
