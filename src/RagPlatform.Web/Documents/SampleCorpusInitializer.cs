using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Web.Documents;

/// <summary>
/// Indexes the bundled sample corpus the first time someone uses an empty store, once for the whole application,
/// and tells every open page how far it has got.
/// </summary>
internal sealed class SampleCorpusInitializer(SampleCorpusSeeder seeder, IHostApplicationLifetime lifetime, ILogger<SampleCorpusInitializer> logger)
{
    private readonly Lock _gate = new();
    private Task? _seeding;

    /// <summary>Raised, on a worker thread, whenever <see cref="Progress"/> or <see cref="IsRunning"/> changes.</summary>
    public event Action? Changed;

    public IngestionProgress? Progress { get; private set; }

    public bool IsRunning { get; private set; }

    /// <summary>Files the seeding run indexed, or null when it has not run.</summary>
    public IngestionReport? Report { get; private set; }

    public string? CorpusPath => seeder.CorpusPath;

    /// <summary>
    /// Seeds the store when it is empty, or waits for the seeding already under way. The work itself is not
    /// cancelled by <paramref name="cancellationToken"/> (other pages may be waiting for it), only this wait is.
    /// </summary>
    public Task EnsureSeededAsync(CancellationToken cancellationToken)
    {
        Task seeding;
        lock (_gate)
        {
            seeding = _seeding ??= SeedAsync(lifetime.ApplicationStopping);
        }

        return seeding.WaitAsync(cancellationToken);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (!await seeder.ShouldSeedAsync(cancellationToken))
        {
            return;
        }

        logger.LogInformation("The store is empty: indexing the sample corpus from {Path}", seeder.CorpusPath);
        IsRunning = true;
        Changed?.Invoke();
        try
        {
            Report = await seeder.SeedAsync(new ProgressSink(this), cancellationToken);
            logger.LogInformation("Sample corpus indexed: {Added} added, {Failed} failed", Report.Added, Report.Failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Indexing the sample corpus failed");

            // Forget the failed run so the next page that needs the corpus tries again.
            lock (_gate)
            {
                _seeding = null;
            }

            throw;
        }
        finally
        {
            IsRunning = false;
            Changed?.Invoke();
        }
    }

    // IProgress<T> without a synchronisation context: reports arrive on the ingestion thread, in order.
    private sealed class ProgressSink(SampleCorpusInitializer owner) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value)
        {
            owner.Progress = value;
            owner.Changed?.Invoke();
        }
    }
}
