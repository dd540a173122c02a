using RagPlatform.Benchmarks.Harness;
using RagPlatform.Benchmarks.Keyword;
using RagPlatform.Benchmarks.Onnx;

namespace RagPlatform.Benchmarks;

internal static class Program
{
    private const string OnnxCommand = "onnx";
    private const string KeywordCommand = "keyword";
    private const string ReportPath = "docs/benchmarks.md";
    private const string SolutionFile = "RagPlatform.sln";

    private const string NewReportHeader =
        "# Benchmarks\n\n" +
        "Each section below is written by the benchmark program (tests/RagPlatform.Benchmarks, a console app that " +
        "`dotnet test` does not run) and names the command that regenerates it; a run replaces only its own section.\n\n" +
        $"- Local transformer runtime (ONNX): `{OnnxReport.Command}`\n" +
        $"- Keyword search vs Lucene.NET: `{KeywordReport.Command}`";

    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        switch (args)
        {
            case [OnnxCommand]:
                await RunOnnxAsync(cancellation.Token);
                return 0;
            case [KeywordCommand, .. var keywordArguments]:
                return await RunKeywordAsync(keywordArguments, cancellation.Token);
            case [MemoryProbe.Command, OnnxModelKind.Encoder, var directory]:
                await MemoryProbe.RunInChildAsync(directory, () => EmbedOnceAsync(directory, cancellation.Token));
                return 0;
            case [MemoryProbe.Command, OnnxModelKind.Decoder, var directory]:
                await MemoryProbe.RunInChildAsync(directory, () => DecodeOnceAsync(directory, cancellation.Token));
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Usage: {OnnxReport.Command}\n  Benchmarks the local ONNX transformer runtime and rewrites its section of {ReportPath}.");
                await Console.Error.WriteLineAsync($"Usage: {KeywordReport.Command} {KeywordOptions.Usage}\n  Compares keyword search with Lucene.NET BM25 and rewrites its section of {ReportPath}.");
                return 2;
        }
    }

    private static async Task RunOnnxAsync(CancellationToken cancellationToken)
    {
        var reportPath = Path.Combine(FindRepositoryRoot(), ReportPath);
        var modelRoot = Directory.CreateTempSubdirectory("ragp-bench-onnx-").FullName;
        try
        {
            var suite = new OnnxSuite(modelRoot, message => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}"));
            var results = await suite.RunAsync(cancellationToken);
            var section = OnnxReport.ToMarkdown(results, MachineInfo.Current());
            MarkdownSections.Replace(reportPath, OnnxReport.Heading, section, NewReportHeader);
            Console.WriteLine(section);
            Console.WriteLine($"Wrote {reportPath}");
        }
        finally
        {
            Directory.Delete(modelRoot, recursive: true);
        }
    }

    private static async Task<int> RunKeywordAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        KeywordOptions options;
        try
        {
            options = KeywordOptions.Parse(arguments);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        var reportPath = Path.Combine(FindRepositoryRoot(), ReportPath);
        var workRoot = Directory.CreateTempSubdirectory("ragp-bench-keyword-").FullName;
        try
        {
            var suite = new KeywordSuite(options, workRoot, message => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}"));
            var results = await suite.RunAsync(cancellationToken);
            var section = KeywordReport.ToMarkdown(results, MachineInfo.Current(), generated: options.BeirDirectory is null);
            MarkdownSections.Replace(reportPath, KeywordReport.Heading, section, NewReportHeader);
            Console.WriteLine(section);
            Console.WriteLine($"Wrote {reportPath}");
            return 0;
        }
        finally
        {
            Directory.Delete(workRoot, recursive: true);
        }
    }

    private static async Task<IDisposable> EmbedOnceAsync(string directory, CancellationToken cancellationToken)
    {
        var corpus = EncoderCorpus.Create(directory, OnnxWorkloads.UniformLengths, OnnxWorkloads.CorpusSeed);
        var generator = OnnxWorkloads.OpenEncoder(directory);
        await generator.GenerateAsync(corpus.Texts, cancellationToken: cancellationToken);
        return generator;
    }

    private static async Task<IDisposable> DecodeOnceAsync(string directory, CancellationToken cancellationToken)
    {
        var client = OnnxWorkloads.OpenDecoder(directory);
        await OnnxWorkloads.FindFullLengthPromptAsync(client, cancellationToken);
        return client;
    }

    /// <summary>The folder of RagPlatform.sln above the working directory, else above the program's own folder.</summary>
    private static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find {SolutionFile} above {Directory.GetCurrentDirectory()}; run the command from the repository.");
    }
}
