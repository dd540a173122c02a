using Microsoft.ML.OnnxRuntime;

namespace RagPlatform.Onnx.Runtime;

/// <summary>
/// RunOptions tied to a cancellation token: cancelling sets ONNX Runtime's terminate flag, so even a long run in
/// progress stops, and the resulting runtime error surfaces as an <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class CancellableRun : IDisposable
{
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenRegistration _registration;

    public CancellableRun(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        Options = new RunOptions();
        _registration = cancellationToken.Register(static options => ((RunOptions)options!).Terminate = true, Options);
    }

    public RunOptions Options { get; }

    /// <summary>Runs <paramref name="run"/> off the caller's thread (inference is CPU-bound and synchronous).</summary>
    public async Task RunAsync(Action<RunOptions> run)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await Task.Run(() => run(Options), _cancellationToken).ConfigureAwait(false);
        }
        catch (OnnxRuntimeException ex) when (_cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The model run was cancelled.", ex, _cancellationToken);
        }
    }

    public void Dispose()
    {
        _registration.Dispose();
        Options.Dispose();
    }
}
