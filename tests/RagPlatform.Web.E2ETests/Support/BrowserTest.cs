using Microsoft.Playwright;

namespace RagPlatform.Web.E2ETests.Support;

/// <summary>
/// One browser page per test against the shared application. Console errors and failed requests (a Content Security
/// Policy violation, a missing script) fail the test, because they mean the page is broken even when it looks fine.
/// </summary>
public abstract class BrowserTest(WebAppFixture app) : IAsyncLifetime
{
    protected const float Timeout = 30_000;

    private readonly List<string> _browserErrors = [];
    private IBrowserContext? _context;

    protected WebAppFixture App => app;

    protected IPage Page { get; private set; } = default!;

    protected virtual ViewportSize Viewport => new() { Width = 1280, Height = 860 };

    public async Task InitializeAsync()
    {
        _context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = Viewport });
        _context.SetDefaultTimeout(Timeout);
        // Expectations default to 5 s, too little for a busy 2-core CI machine; waits fail at the same limit as actions.
        Assertions.SetDefaultExpectTimeout(Timeout);
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _browserErrors.Add($"console: {message.Text}");
            }
        };
        Page.PageError += (_, error) => _browserErrors.Add($"page error: {error}");
        Page.RequestFailed += (_, request) => _browserErrors.Add($"request failed: {request.Url} {request.Failure}");
        await app.WaitForSampleCorpusAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        Assert.True(_browserErrors.Count == 0, "The browser reported errors:\n" + string.Join("\n", _browserErrors));
    }

    /// <summary>Opens a page and waits until its interactive circuit has rendered the heading.</summary>
    protected async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Assertions.Expect(Page.Locator("h1")).ToBeVisibleAsync();
    }

    protected async Task AskAsync(string question)
    {
        var box = Page.Locator("#question");
        await box.FillAsync(question);
        await box.PressAsync("Enter");
    }

    /// <summary>The last answer once it has finished streaming.</summary>
    protected async Task<ILocator> LastFinishedAnswerAsync()
    {
        var answer = Page.Locator(".turn .answer").Last;
        await Assertions.Expect(answer).ToHaveAttributeAsync("aria-busy", "false");
        return answer;
    }

    /// <param name="fullPage">False captures the viewport only, which also shows the inside of frames.</param>
    protected async Task ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(App.ScreenshotDirectory, $"{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        if (Environment.GetEnvironmentVariable("RAGP_SCREENSHOTS_DIR") is { Length: > 0 } copyTo)
        {
            Directory.CreateDirectory(copyTo);
            File.Copy(path, Path.Combine(copyTo, $"{name}.png"), overwrite: true);
        }
    }
}
