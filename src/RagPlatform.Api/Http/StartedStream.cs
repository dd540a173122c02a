namespace RagPlatform.Api.Http;

/// <summary>An item of a stream being relayed to a client, or the failure that ended it.</summary>
internal readonly record struct StreamStep<T>(T? Value, Exception? Failure);

/// <summary>
/// Relays an async stream over a response that cannot change its status once it has started.
/// </summary>
internal static class StartedStream
{
    /// <summary>
    /// Pulls the first item before the response starts, so that failures up front (invalid input, no model) still
    /// end the request with a proper status code; later failures arrive as a final <see cref="StreamStep{T}"/>.
    /// </summary>
    public static async Task<IAsyncEnumerable<StreamStep<T>>> StartAsync<T>(IAsyncEnumerable<T> source, HttpContext context)
    {
        var enumerator = source.GetAsyncEnumerator(context.RequestAborted);
        bool hasFirst;
        try
        {
            hasFirst = await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        context.Response.RegisterForDisposeAsync(enumerator);
        return RelayAsync(enumerator, hasFirst);
    }

    private static async IAsyncEnumerable<StreamStep<T>> RelayAsync<T>(IAsyncEnumerator<T> enumerator, bool hasCurrent)
    {
        while (hasCurrent)
        {
            yield return new StreamStep<T>(enumerator.Current, null);
            Exception? failure = null;
            try
            {
                hasCurrent = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = e;
            }

            if (failure is not null)
            {
                yield return new StreamStep<T>(default, failure);
                yield break;
            }
        }
    }
}
