namespace RagPlatform.Web.Data;

/// <summary>Where the web front end keeps its own files: all inside the platform's store directory.</summary>
internal sealed class WebDataPaths(string storeDirectory)
{
    public string StoreDirectory { get; } = Path.GetFullPath(storeDirectory);

    /// <summary>Conversations, upload labels and chat ratings.</summary>
    public string DatabasePath => Path.Combine(StoreDirectory, "web.db");

    /// <summary>Uploaded documents, under names the server chose.</summary>
    public string UploadsDirectory => Path.Combine(StoreDirectory, "uploads");

    /// <summary>Evaluation runs, one folder each.</summary>
    public string EvaluationRunsDirectory => Path.Combine(StoreDirectory, "eval-runs");
}
