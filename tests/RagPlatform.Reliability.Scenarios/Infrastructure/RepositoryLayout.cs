using System.Reflection;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>Finds the checkout the scenarios run in: its root, the sample corpus and the built ragp program.</summary>
public static class RepositoryLayout
{
    private const string SolutionFile = "RagPlatform.sln";

    public static string Root { get; } = FindRoot();

    public static string SampleCorpus => Path.Combine(Root, "data", "corpus");

    public static string EvaluationQuestions => Path.Combine(Root, "data", "eval", "qa.jsonl");

    /// <summary>ragp.dll as built in the same configuration as these scenarios (Debug or Release).</summary>
    public static string RagpProgram
    {
        get
        {
            var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "BuildConfiguration").Value;
            var path = Path.Combine(Root, "src", "RagPlatform.Cli", "bin", configuration!, "net10.0", "ragp.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The ragp program is not built at '{path}': run 'dotnet build src/RagPlatform.Cli -c {configuration}' first.", path);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above '{AppContext.BaseDirectory}': run the reliability suite from a RagPlatform checkout.");
    }
}
