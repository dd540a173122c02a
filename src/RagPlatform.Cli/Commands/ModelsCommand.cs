using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RagPlatform.Cli.Rendering;
using RagPlatform.Onnx;
using RagPlatform.Rag.Hosting;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp models verify|pull</c>: check local ONNX model folders and download them from a Hugging Face hub.</summary>
internal static class ModelsCommand
{
    private const string HubEndpointSetting = ModelServiceCollectionExtensions.SectionName + ":HubEndpoint";
    private const string TokenVariable = "HF_TOKEN";

    private static readonly Argument<string> Directory = new("dir") { Description = "Model folder (model.onnx, config.json and tokenizer files)" };

    private static readonly Option<ExecutionProvider> Provider = new("--provider")
    {
        Description = "ONNX Runtime execution provider: cpu, cuda or auto (cuda when available)",
        DefaultValueFactory = _ => ExecutionProvider.Cpu,
    };

    private static readonly Argument<string> RepoId = new("hf-repo-id") { Description = "Hugging Face repository, owner/name" };

    private static readonly Option<string> Revision = new("--revision")
    {
        Description = "Branch, tag or commit to download",
        DefaultValueFactory = _ => "main",
    };

    private static readonly Option<string[]> Files = new("--files")
    {
        Description = "Glob patterns of the files to download, e.g. \"*.json\" \"onnx/model.onnx\" (default: every file)",
        AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<string?> Target = new("--to")
    {
        Description = "Folder to download into (default models/<repo-name>)",
    };

    private static readonly Option<string?> Endpoint = new("--endpoint")
    {
        Description = $"Base URL of the hub or a mirror (default {HubEndpointSetting}, else https://huggingface.co/)",
    };

    private static readonly Option<string?> Token = new("--token")
    {
        Description = $"Access token for gated or private repositories (default: the {TokenVariable} environment variable)",
    };

    public static Command Create(CliEnvironment environment)
    {
        var verify = new Command("verify", "Load a model folder, run a probe through it and report what it is and how fast it runs") { Directory, Provider };
        CommandRunner.SetAction(verify, environment, VerifyAsync);

        var pull = new Command("pull", "Download a model repository's files from a Hugging Face hub") { RepoId, Revision, Files, Target, Endpoint, Token };
        CommandRunner.SetAction(pull, environment, PullAsync, HubSettings);

        return new Command("models", "Check and download ONNX models") { verify, pull };
    }

    private static async Task<int> VerifyAsync(CommandContext context)
    {
        var verifier = new ModelVerifier(context.Get<ILoggerFactory>());
        var verification = await verifier.VerifyAsync(
            context.ParseResult.GetValue(Directory)!, context.ParseResult.GetValue(Provider), context.CancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, verification);
            return CommandRunner.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Property", "Value");
        table.AddRow("Kind", verification.Task.ToString().ToLowerInvariant());
        table.AddRow("Model id", Markup.Escape(verification.ModelId));
        table.AddRow("Model type", Markup.Escape(verification.ModelType));
        table.AddRow("Tokenizer", verification.Tokenizer);
        table.AddRow(
            verification.Dimensions is null ? "Vocabulary" : "Dimensions / vocabulary",
            verification.Dimensions is { } dimensions
                ? $"{dimensions} / {verification.VocabularySize.ToString(CultureInfo.InvariantCulture)}"
                : verification.VocabularySize.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Provider", Markup.Escape(verification.Provider));
        table.AddRow("Tokens/s", $"{verification.TokensPerSecond.ToString("N1", CultureInfo.InvariantCulture)} ({verification.ProbeTokens} probe tokens)");
        if (verification.SampleText is { } sample)
        {
            table.AddRow("Sample", Markup.Escape(sample));
        }

        context.Console.Write(table);
        context.Console.MarkupLineInterpolated($"[green]{DisplayPath.For(verification.Directory)} loads and runs.[/]");
        return CommandRunner.Success;
    }

    private static async Task<int> PullAsync(CommandContext context)
    {
        var repoId = context.ParseResult.GetValue(RepoId)!;
        var options = new HuggingFaceOptions
        {
            Token = context.ParseResult.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable),
        };
        if (context.Get<IConfiguration>()[HubEndpointSetting] is { Length: > 0 } endpoint)
        {
            options.BaseAddress = Uri.TryCreate(endpoint, UriKind.Absolute, out var address)
                ? address
                : throw new ArgumentException($"The hub endpoint '{endpoint}' (--endpoint or {HubEndpointSetting}) is not an absolute URL such as https://huggingface.co/.");
        }

        var target = context.ParseResult.GetValue(Target) ?? Path.Combine("models", repoId.Split('/')[^1]);
        var include = context.ParseResult.GetValue(Files) ?? [];
        var revision = context.ParseResult.GetValue(Revision)!;
        using var http = new HttpClient();
        var downloader = new HuggingFaceDownloader(http, options, context.Get<ILogger<HuggingFaceDownloader>>());

        IReadOnlyList<string> paths;
        if (context.Json)
        {
            paths = await downloader.DownloadAsync(repoId, target, include, revision, progress: null, context.CancellationToken);
            JsonOutput.Write(context.Environment.Out, paths);
            return CommandRunner.Success;
        }

        paths = await DownloadWithProgressAsync(context.Console, progress => downloader.DownloadAsync(repoId, target, include, revision, progress, context.CancellationToken));
        var table = new Table().Border(TableBorder.Rounded).AddColumns("File", "Bytes");
        foreach (var path in paths)
        {
            table.AddRow(new Text(DisplayPath.For(path)), new Text(new FileInfo(path).Length.ToString("N0", CultureInfo.InvariantCulture)));
        }

        context.Console.Write(table);
        context.Console.MarkupLineInterpolated($"Downloaded {paths.Count} files of {repoId}@{revision}. Check the folder with: ragp models verify {DisplayPath.For(Path.GetFullPath(target))}");
        return CommandRunner.Success;
    }

    private static async Task<IReadOnlyList<string>> DownloadWithProgressAsync(
        IAnsiConsole console, Func<IProgress<DownloadProgress>, Task<IReadOnlyList<string>>> download)
    {
        IReadOnlyList<string> paths = [];
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async progressContext =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var progress = new SynchronousProgress<DownloadProgress>(report =>
                {
                    if (!tasks.TryGetValue(report.File, out var task))
                    {
                        task = progressContext.AddTask(Markup.Escape(report.File), maxValue: 1);
                        tasks[report.File] = task;
                    }

                    task.MaxValue = Math.Max(1, report.TotalBytes ?? report.BytesReceived);
                    task.Value = report.BytesReceived;
                });
                paths = await download(progress);
            });
        return paths;
    }

    private static IReadOnlyDictionary<string, string?> HubSettings(ParseResult parseResult) =>
        parseResult.GetValue(Endpoint) is { Length: > 0 } endpoint
            ? new Dictionary<string, string?> { [HubEndpointSetting] = endpoint }
            : new Dictionary<string, string?>();
}
