namespace RagPlatform.Web.Evaluation;

/// <summary>A QA dataset the evaluation page offers; the browser only ever sends back its <see cref="Key"/>.</summary>
public sealed record EvaluationDataset(string Key, string FileName, string Location, string FullPath);

/// <summary>
/// Finds the JSON-lines QA datasets that can be evaluated: data/eval under the working directory (a checkout), the
/// copy shipped next to the program, and &lt;store&gt;/eval-datasets for your own. Runs are started by key, so a
/// browser can never make the server read a file outside these folders.
/// </summary>
internal sealed class EvaluationDatasets(Data.WebDataPaths paths)
{
    public const string DefaultFileName = "qa.jsonl";

    internal const string BundledFolderName = "eval-datasets";

    public IReadOnlyList<EvaluationDataset> Find()
    {
        (string Location, string Folder)[] folders =
        [
            ("data/eval", Path.Combine(Directory.GetCurrentDirectory(), "data", "eval")),
            ("bundled", Path.Combine(AppContext.BaseDirectory, BundledFolderName)),
            ("store", Path.Combine(paths.StoreDirectory, BundledFolderName)),
        ];
        var found = new List<EvaluationDataset>();
        foreach (var (location, folder) in folders.Where(f => Directory.Exists(f.Folder)))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                found.Add(new EvaluationDataset($"{location}/{name}", name, location, file));
            }
        }

        // A checkout's data/eval and the bundled copy usually hold the same files; show each once, the checkout's first.
        return found
            .GroupBy(d => d.Location == "store" ? d.Key : d.FileName, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
    }

    /// <summary>The dataset offered under <paramref name="key"/>, or null.</summary>
    public EvaluationDataset? Resolve(string? key) => Find().FirstOrDefault(d => d.Key == key);

    /// <summary>data/eval/qa.jsonl when present, otherwise the first dataset found.</summary>
    public static EvaluationDataset? Default(IReadOnlyList<EvaluationDataset> datasets) =>
        datasets.FirstOrDefault(d => d.FileName == DefaultFileName) ?? datasets.FirstOrDefault();
}
