using Microsoft.AspNetCore.Components;

namespace RagPlatform.Web.Components.Shared;

/// <summary>A component whose pending work is cancelled when it leaves the page or the circuit closes.</summary>
public abstract class CancellableComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();

    /// <summary>Cancelled when the component is disposed.</summary>
    protected CancellationToken ComponentToken => _lifetime.Token;

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
        OnDisposed();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the derived component holds, such as event subscriptions.</summary>
    protected virtual void OnDisposed()
    {
    }
}
