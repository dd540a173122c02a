using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RagPlatform.Core.Answers;
using RagPlatform.Evaluation.Datasets;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;
using RagPlatform.Rag.Hosting;

namespace RagPlatform.Api.Evaluation;

/// <summary>
/// Runs queued evaluations one after another and writes each run's reports (run.json, report.md, report.html) to
/// &lt;store&gt;/eval-runs/&lt;job id&gt;. A run that fails is marked failed with the reason; the worker goes on.
/// </summary>
internal sealed class EvaluationWorker(
    EvaluationQueue queue,
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<StoreOptions> store,
    TimeProvider clock,
    ILogger<EvaluationWorker> logger) : BackgroundService
{
    internal const string RunsFolderName = "eval-runs";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunAsync(job, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; queued jobs are not persisted.
        }
    }

    private async Task RunAsync(EvaluationJob job, CancellationToken stoppingToken)
    {
        job.Update(state => state with { Status = EvaluationJobStatus.Running, StartedAt = clock.GetUtcNow() });
        try
        {
            var dataset = await QaDataset.LoadAsync(job.Request.DatasetPath, stoppingToken).ConfigureAwait(false);
            job.Update(state => state with { Total = dataset.Items.Count });
            var progress = new Progress<EvaluationProgress>(p => job.Update(state => state with { Completed = p.Completed, Total = p.Total }));
            var run = await services.GetRequiredService<EvaluationRunner>()
                .RunAsync(services.GetRequiredService<IQuestionAnswerer>(), dataset, Options(job.Request), progress, stoppingToken)
                .ConfigureAwait(false);
            var reportDirectory = Path.Combine(Path.GetFullPath(store.Value.Path), RunsFolderName, job.Id);
            await services.GetRequiredService<EvaluationReportWriter>().WriteAsync(run, reportDirectory, stoppingToken).ConfigureAwait(false);
            job.Update(state => state with
            {
                Status = EvaluationJobStatus.Completed,
                Completed = run.Questions.Count,
                FinishedAt = clock.GetUtcNow(),
                Run = run,
                ReportDirectory = reportDirectory,
            });
            logger.LogInformation("Evaluation {JobId} finished: run {RunId}, reports in {Directory}", job.Id, run.RunId, reportDirectory);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            job.Update(state => state with { Status = EvaluationJobStatus.Canceled, FinishedAt = clock.GetUtcNow(), Error = "The server stopped during the run." });
            throw;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Evaluation {JobId} on {Dataset} failed", job.Id, job.Request.DatasetPath);
            job.Update(state => state with { Status = EvaluationJobStatus.Failed, FinishedAt = clock.GetUtcNow(), Error = e.Message });
        }
    }

    /// <summary>The "Evaluation" configuration section, with what the request set on top.</summary>
    private EvaluationOptions Options(EvaluationJobRequest request)
    {
        var options = new EvaluationOptions();
        configuration.GetSection(EvaluationOptions.SectionName).Bind(options);
        options.TopK = request.TopK ?? options.TopK;
        options.Description = request.Description ?? options.Description;
        foreach (var (component, choice) in request.PromptComponents ?? new Dictionary<string, string>())
        {
            options.PromptComponents[component] = choice;
        }

        return options;
    }
}
