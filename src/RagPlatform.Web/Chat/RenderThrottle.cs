namespace RagPlatform.Web.Chat;

/// <summary>
/// Limits re-rendering of a streaming answer to one render per interval without ever hiding text: a request that
/// arrives too soon after the last render schedules one trailing render, so a delta followed by a long pause (a slow
/// generator) still appears after at most one interval.
/// </summary>
/// <param name="dispatch">Runs an action on the component's dispatcher (ComponentBase.InvokeAsync).</param>
/// <param name="render">Re-renders the component (StateHasChanged); always called through <paramref name="dispatch"/> or on it.</param>
internal sealed class RenderThrottle(TimeSpan interval, Func<Action, Task> dispatch, Action render, TimeProvider clock)
{
    private long _lastRender = long.MinValue;
    private bool _trailingScheduled;

    /// <summary>Asks for a render; call it on the component's dispatcher.</summary>
    public void Request(CancellationToken cancellationToken)
    {
        if (_trailingScheduled)
        {
            return;
        }

        var elapsed = _lastRender == long.MinValue ? interval : clock.GetElapsedTime(_lastRender);
        if (elapsed >= interval)
        {
            RenderNow();
            return;
        }

        _trailingScheduled = true;
        _ = RenderLaterAsync(interval - elapsed, cancellationToken);
    }

    private async Task RenderLaterAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The stream ended or the page went away; its final render covers this one.
        }

        await dispatch(() =>
        {
            _trailingScheduled = false;
            if (!cancellationToken.IsCancellationRequested)
            {
                RenderNow();
            }
        });
    }

    private void RenderNow()
    {
        _lastRender = clock.GetTimestamp();
        render();
    }
}
