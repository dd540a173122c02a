using Microsoft.Data.Sqlite;

namespace RagPlatform.Reliability.Infrastructure;

/// <summary>A temporary folder for one scenario run, deleted afterwards.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string scenario) =>
        Path = Directory.CreateTempSubdirectory($"ragp-reliability-{scenario}-").FullName;

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; no figure depends on it.
        }
    }
}
