using Spectre.Console;

namespace RagPlatform.Cli.Rendering;

/// <summary>Shows a long operation that reports "n of total done" as one progress bar.</summary>
internal static class CountedProgress
{
    /// <param name="describe">The bar's text after a report (what is being worked on); null keeps <paramref name="title"/>.</param>
    public static async Task<TResult> RunAsync<TProgress, TResult>(
        IAnsiConsole console,
        string title,
        Func<TProgress, (int Completed, int Total)> count,
        Func<IProgress<TProgress>, Task<TResult>> operation,
        Func<TProgress, string>? describe = null)
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
                    if (describe is not null)
                    {
                        task.Description = Markup.Escape(describe(report));
                    }
                }));
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
