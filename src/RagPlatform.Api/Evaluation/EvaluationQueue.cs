using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.Evaluation;

/// <summary>
/// Evaluation runs waiting for the background worker, and every job started since the server did. Runs go one at
/// a time: they compete with interactive questions for the same cores.
/// </summary>
internal sealed class EvaluationQueue(IOptions<ApiOptions> options, TimeProvider clock)
{
    private readonly Channel<EvaluationJob> _pending = Channel.CreateBounded<EvaluationJob>(
        new BoundedChannelOptions(options.Value.Evaluation.MaxQueuedRuns) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly ConcurrentDictionary<string, EvaluationJob> _jobs = new(StringComparer.Ordinal);

    public EvaluationJob Enqueue(EvaluationJobRequest request)
    {
        var job = new EvaluationJob(Guid.NewGuid().ToString("N")[..12], request, clock.GetUtcNow());
        if (!_pending.Writer.TryWrite(job))
        {
            throw new ApiErrorException(new ApiError(
                StatusCodes.Status429TooManyRequests,
                $"{options.Value.Evaluation.MaxQueuedRuns} evaluation runs are already waiting (Api:Evaluation:MaxQueuedRuns); try again when one has finished.",
                "requests", null, "evaluation_queue_full"));
        }

        _jobs[job.Id] = job;
        return job;
    }

    public EvaluationJob? Find(string id) => _jobs.GetValueOrDefault(id);

    public IAsyncEnumerable<EvaluationJob> ReadAllAsync(CancellationToken cancellationToken) => _pending.Reader.ReadAllAsync(cancellationToken);
}
