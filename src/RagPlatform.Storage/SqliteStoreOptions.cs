namespace RagPlatform.Storage;

/// <summary>Where the embedded index lives: <c>{DirectoryPath}/{FileName}</c>, created when missing.</summary>
public sealed class SqliteStoreOptions
{
    public string DirectoryPath { get; set; } = ".ragp";

    public string FileName { get; set; } = "ragp.db";

    /// <summary>
    /// A dense search over at least this many vectors (after filtering) ranks int8 codes and re-scores the best
    /// candidates exactly; a smaller one, such as a selective filter, compares every float vector exactly. Below about
    /// 20,000 vectors the exact scan takes under 2 ms, so approximation gains little there. <see cref="int.MaxValue"/>
    /// keeps every search exact.
    /// </summary>
    public int ApproximateSearchThreshold { get; set; } = 20_000;

    internal string DatabasePath => Path.GetFullPath(Path.Combine(DirectoryPath, FileName));
}
