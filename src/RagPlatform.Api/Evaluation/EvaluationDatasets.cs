using Microsoft.Extensions.Options;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.Evaluation;

/// <summary>
/// Resolves the dataset a request names inside the datasets folder, so that an API key does not grant reading
/// arbitrary files of the server.
/// </summary>
internal sealed class EvaluationDatasets(IOptions<ApiOptions> options)
{
    private readonly ApiEvaluationOptions _options = options.Value.Evaluation;

    public string? Root { get; } = Locate(options.Value.Evaluation.DatasetsPath);

    /// <param name="requested">A path relative to the datasets folder; null uses Api:Evaluation:DefaultDataset.</param>
    public string Resolve(string? requested)
    {
        if (Root is null)
        {
            throw new ApiErrorException(new ApiError(
                StatusCodes.Status503ServiceUnavailable,
                "No evaluation datasets folder was found: set Api:Evaluation:DatasetsPath to the folder holding the QA datasets (JSON lines).",
                "server_error", null, "datasets_not_configured"));
        }

        var name = string.IsNullOrWhiteSpace(requested) ? _options.DefaultDataset : requested;
        var path = Path.GetFullPath(Path.Combine(Root, name));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ApiErrorException(ApiError.InvalidRequest(
                $"'dataset' must name a file inside the datasets folder (Api:Evaluation:DatasetsPath), e.g. \"{_options.DefaultDataset}\".", "dataset"));
        }

        return File.Exists(path)
            ? path
            : throw new ApiErrorException(ApiError.InvalidRequest(
                $"The dataset '{name}' does not exist in the datasets folder; available: {string.Join(", ", Available())}.", "dataset"));
    }

    private IEnumerable<string> Available() =>
        Directory.EnumerateFiles(Root!, "*.jsonl", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Root!, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    private static string? Locate(string? configured)
    {
        if (configured is { Length: > 0 })
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured).TrimEnd(Path.DirectorySeparatorChar)
                : throw new InvalidOperationException(
                    $"Api:Evaluation:DatasetsPath '{configured}' does not exist: point it at the folder holding the QA datasets or remove the setting.");
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data", "eval");
            if (File.Exists(Path.Combine(directory.FullName, "RagPlatform.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
