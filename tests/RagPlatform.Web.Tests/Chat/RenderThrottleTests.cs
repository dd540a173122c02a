using RagPlatform.Web.Chat;

namespace RagPlatform.Web.Tests.Chat;

public sealed class RenderThrottleTests
{
    private int _renders;

    [Fact]
    public void The_first_request_renders_at_once()
    {
        var throttle = Create(TimeSpan.FromHours(1));

        throttle.Request(CancellationToken.None);

        Assert.Equal(1, _renders);
    }

    [Fact]
    public async Task Requests_within_the_interval_become_one_trailing_render()
    {
        var throttle = Create(TimeSpan.FromMilliseconds(80));

        throttle.Request(CancellationToken.None);
        throttle.Request(CancellationToken.None);
        throttle.Request(CancellationToken.None);
        Assert.Equal(1, _renders);

        await WaitForAsync(() => Volatile.Read(ref _renders) == 2);
        await Task.Delay(200);
        Assert.Equal(2, Volatile.Read(ref _renders));
    }

    [Fact]
    public async Task A_cancelled_stream_gets_no_trailing_render()
    {
        var throttle = Create(TimeSpan.FromMilliseconds(50));
        using var stream = new CancellationTokenSource();

        throttle.Request(stream.Token);
        throttle.Request(stream.Token);
        await stream.CancelAsync();
        await Task.Delay(200);

        Assert.Equal(1, Volatile.Read(ref _renders));
    }

    private RenderThrottle Create(TimeSpan interval) =>
        new(interval, action => { action(); return Task.CompletedTask; }, () => Interlocked.Increment(ref _renders), TimeProvider.System);

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            Assert.True(waited < 5000, "The trailing render did not happen within 5 s.");
            await Task.Delay(10);
        }
    }
}
