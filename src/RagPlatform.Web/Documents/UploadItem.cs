using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Web.Documents;

/// <summary>Where one selected file is on its way into the index.</summary>
public enum UploadStage
{
    Rejected,
    Saving,
    Indexing,
    Indexed,
    Failed,
}

/// <summary>One selected file and what happened to it, as the upload panel lists it.</summary>
public sealed class UploadItem(UploadCheck check, long size)
{
    public string DisplayName => check.DisplayName;

    public long Size => size;

    public UploadCheck Check => check;

    public UploadStage Stage { get; private set; } = check.IsAccepted ? UploadStage.Saving : UploadStage.Rejected;

    /// <summary>The rejection or failure reason, or the ingestion outcome.</summary>
    public string? Message { get; private set; } = check.Error;

    /// <summary>Where the file was saved; null until it is.</summary>
    public string? SavedPath { get; private set; }

    public void Saved(string path)
    {
        SavedPath = path;
        Stage = UploadStage.Indexing;
    }

    public void Failed(string reason)
    {
        Stage = UploadStage.Failed;
        Message = reason;
    }

    public void Ingested(FileIngestionResult result)
    {
        if (result.Outcome == IngestionOutcome.Failed)
        {
            Failed(result.Error ?? "The file could not be indexed.");
            return;
        }

        Stage = UploadStage.Indexed;
        Message = result.Outcome switch
        {
            IngestionOutcome.Added => $"Indexed: {Passages(result.ChunkCount)}.",
            IngestionOutcome.Updated => $"Replaced the earlier upload: {Passages(result.ChunkCount)}.",
            _ => $"Already indexed with the same content ({Passages(result.ChunkCount)}).",
        };
    }

    internal static string Passages(int count) => count == 1 ? "1 passage" : $"{count} passages";
}
