using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RagPlatform.Core.Answers;
using RagPlatform.Rag.Answering;
using RagPlatform.Web.Documents;

namespace RagPlatform.Web.E2ETests.Support;

/// <summary>
/// The real web application, started in this process on a free 127.0.0.1 port over a temporary store seeded from
/// the repository's data/corpus, and a headless system Chromium driven by Playwright. Playwright never downloads a
/// browser here: it launches /usr/bin/chromium, and without it every test fails saying how to install it.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Pause between streamed words, so streaming is visible.</summary>
    public static readonly TimeSpan DefaultPausePerWord = TimeSpan.FromMilliseconds(40);

    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ragp-web-e2e", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private TimeSpan _pausePerWord = DefaultPausePerWord;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = default!;

    public string StorePath => Path.Combine(_root, "store");

    /// <summary>Screenshots land here, in the test output; set RAGP_SCREENSHOTS_DIR to copy them elsewhere too (docs/screenshots).</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The end-to-end tests need Chromium at {ChromiumPath} and never download a browser. Install it with: apt-get update && apt-get install -y chromium");
        }

        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(ScreenshotDirectory);
        _app = RagPlatformWebApplication.Build(
            [
                "--urls=http://127.0.0.1:0",
                "--environment=Development",
                $"--Store:Path={StorePath}",
                $"--Store:SampleCorpusPath={RepositoryFiles.Path("data", "corpus")}",
                "--Answering:Mode=Extractive",
                "--Logging:LogLevel:Default=Warning",
            ],
            builder =>
            {
                builder.Services.AddSingleton<RagQuestionAnswerer>();
                builder.Services.AddSingleton<IQuestionAnswerer>(services => new PacedAnswerer(services.GetRequiredService<RagQuestionAnswerer>(), () => _pausePerWord));
            });
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        if (!BaseUrl.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The test server must listen on 127.0.0.1 only, but listens on {BaseUrl}.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>Streams answers slowly until disposed, leaving time to press Stop mid-answer (tests of one collection run one at a time).</summary>
    public IDisposable SlowStreaming(TimeSpan pausePerWord)
    {
        _pausePerWord = pausePerWord;
        return new PaceReset(this);
    }

    /// <summary>Puts the first questions of data/eval/qa.jsonl into the store's eval-datasets folder under <paramref name="fileName"/>.</summary>
    public void AddDataset(string fileName, int questionCount)
    {
        var folder = Path.Combine(StorePath, "eval-datasets");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, fileName), File.ReadLines(RepositoryFiles.Path("data", "eval", "qa.jsonl")).Take(questionCount));
    }

    /// <summary>Waits for the sample corpus, which the first page visit starts indexing.</summary>
    public Task WaitForSampleCorpusAsync() => _app!.Services.GetRequiredService<SampleCorpusInitializer>().EnsureSeededAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file the OS still holds is left to the temp cleaner; no result depends on it.
        }
    }

    private sealed class PaceReset(WebAppFixture fixture) : IDisposable
    {
        public void Dispose() => fixture._pausePerWord = DefaultPausePerWord;
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<WebAppFixture>
{
    public const string Name = "web app";
}
