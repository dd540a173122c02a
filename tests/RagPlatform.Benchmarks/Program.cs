using RagPlatform.Benchmarks.Harness;
using RagPlatform.Benchmarks.Keyword;
using RagPlatform.Benchmarks.Onnx;
using RagPlatform.Benchmarks.Vectors;

namespace RagPlatform.Benchmarks;

internal static class Program
{
    private const string OnnxCommand = "onnx";
    private const string KeywordCommand = "keyword";
    private const string VectorsCommand = "vectors";
    private const string ReportPath = "docs/benchmarks.md";
    private const string SolutionFile = "RagPlatform.sln";

    private const string NewReportHeader =
        "# Benchmarks\n\n" +
        "Each section below is written by the benchmark program (tests/RagPlatform.Benchmarks, a console app that " +
        "`dotnet test` does not run) and names the command that regenerates it; a run replaces only its own section.\n\n" +
        $"- Local transformer runtime (ONNX): `{OnnxReport.Command}`\n" +
        $"- Keyword search vs Lucene.NET: `{KeywordReport.Command}`\n" +
        $"- Dense vector search (embedded store): `{VectorReport.Command}`";

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
                return await RunSectionAsync("onnx", OnnxReport.Heading, async (workRoot, cancellationToken) =>
                {
                    var results = await new OnnxSuite(workRoot, Log).RunAsync(cancellationToken);
                    return (OnnxReport.ToMarkdown(results, MachineInfo.Current()), true);
                }, cancellation.Token);
            case [KeywordCommand, .. var keywordArguments]:
                return await TryParse(() => KeywordOptions.Parse(keywordArguments)) is { } keywordOptions
                    ? await RunSectionAsync("keyword", KeywordReport.Heading, async (workRoot, cancellationToken) =>
                    {
                        var results = await new KeywordSuite(keywordOptions, workRoot, Log).RunAsync(cancellationToken);
                        return (KeywordReport.ToMarkdown(results, MachineInfo.Current(), generated: keywordOptions.BeirDirectory is null), true);
                    }, cancellation.Token)
                    : 2;
            case [VectorsCommand, .. var vectorArguments]:
                return await TryParse(() => VectorOptions.Parse(vectorArguments)) is { } vectorOptions
                    ? await RunSectionAsync("vectors", VectorReport.Heading, async (workRoot, cancellationToken) =>
                    {
                        var suite = new VectorSuite(workRoot, Log);
                        var results = new List<VectorResult>();
                        foreach (var size in vectorOptions.Sizes)
                        {
                            foreach (var distribution in vectorOptions.Distributions)
                            {
                                results.Add(await suite.RunAsync(size, distribution, cancellationToken));
                            }
                        }

                        return (VectorReport.ToMarkdown(results, vectorOptions, MachineInfo.Current()), results.All(result => result.Passed));
                    }, cancellation.Token)
                    : 2;
            case [MemoryProbe.Command, OnnxModelKind.Encoder, var directory]:
                await MemoryProbe.RunInChildAsync(directory, () => EmbedOnceAsync(directory, cancellation.Token));
                return 0;
            case [MemoryProbe.Command, OnnxModelKind.Decoder, var directory]:
                await MemoryProbe.RunInChildAsync(directory, () => DecodeOnceAsync(directory, cancellation.Token));
                return 0;
            default:
                await Console.Error.WriteLineAsync(
                    $"Usage: {OnnxReport.Command}\n  Benchmarks the local ONNX transformer runtime.\n" +
                    $"   or: {KeywordReport.Command} {KeywordOptions.Usage}\n  Compares keyword search with Lucene.NET BM25.\n" +
                    $"   or: {VectorOptions.Usage}\n  Benchmarks dense, keyword and hybrid search in the embedded store.\n" +
                    $"Each rewrites its own section of {ReportPath}.");
                return 2;
        }
    }

    private static async Task<TOptions?> TryParse<TOptions>(Func<TOptions> parse)
        where TOptions : class
    {
        try
        {
            return parse();
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return null;
        }
    }

    /// <summary>Runs one benchmark in a scratch folder and replaces its section of the report.</summary>
    /// <returns>0 when every target passed, 1 otherwise.</returns>
    private static async Task<int> RunSectionAsync(
        string name, string heading, Func<string, CancellationToken, Task<(string Section, bool Passed)>> run, CancellationToken cancellationToken)
    {
        var reportPath = Path.Combine(FindRepositoryRoot(), ReportPath);
        var workRoot = Directory.CreateTempSubdirectory($"ragp-bench-{name}-").FullName;
        try
        {
            var (section, passed) = await run(workRoot, cancellationToken);
            MarkdownSections.Replace(reportPath, heading, section, NewReportHeader);
            Console.WriteLine(section);
            Console.WriteLine($"Wrote {reportPath}");
            return passed ? 0 : 1;
        }
        finally
        {
            Directory.Delete(workRoot, recursive: true);
        }
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");

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
