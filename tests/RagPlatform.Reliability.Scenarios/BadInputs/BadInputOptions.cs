namespace RagPlatform.Reliability.BadInputs;

/// <param name="MaxFileBytes">Ingestion:MaxFileBytes for the run; the oversize input is one byte more.</param>
/// <param name="InlineDataBytes">Size of the base64 image inlined in an HTML page (under the size limit).</param>
/// <param name="NestingDepth">Folders nested above the deepest file.</param>
/// <param name="PeakMemoryGrowthLimitBytes">How much the working set may grow while the batch is ingested.</param>
public sealed record BadInputOptions(
    long MaxFileBytes = 16 * 1024 * 1024,
    int InlineDataBytes = 12 * 1024 * 1024,
    int NestingDepth = 200,
    long PeakMemoryGrowthLimitBytes = 512L * 1024 * 1024,
    int Seed = 7);
