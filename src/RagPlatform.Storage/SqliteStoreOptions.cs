namespace RagPlatform.Storage;

/// <summary>Where the embedded index lives: <c>{DirectoryPath}/{FileName}</c>, created when missing.</summary>
public sealed class SqliteStoreOptions
{
    public string DirectoryPath { get; set; } = ".ragp";

    public string FileName { get; set; } = "ragp.db";

    internal string DatabasePath => Path.GetFullPath(Path.Combine(DirectoryPath, FileName));
}
