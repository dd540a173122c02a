namespace RagPlatform.Cli.Rendering;

/// <summary>Reports on the caller's thread; Progress&lt;T&gt; would post to the thread pool and race the progress bar.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
