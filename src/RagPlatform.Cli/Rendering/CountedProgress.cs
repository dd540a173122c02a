using Spectre.Console;

namespace RagPlatform.Cli.Rendering;

/// <summary>Shows a long operation that reports "n of total done" as one progress bar.</summary>
internal static class CountedProgress
{
    public static async Task<TResult> RunAsync<TProgress, TResult>(
        IAnsiConsole console, string title, Func<TProgress, (int Completed, int Total)> count, Func<IProgress<TProgress>, Task<TResult>> operation)
    {
        TResult? result = default;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask(Markup.Escape(title), maxValue: 1);
                result = await operation(new SynchronousProgress<TProgress>(report =>
                {
                    var (completed, total) = count(report);
                    task.MaxValue = Math.Max(1, total);
                    task.Value = completed;
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
