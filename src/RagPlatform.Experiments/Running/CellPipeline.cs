using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Generation;
using RagPlatform.Rag.Hosting;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Experiments.Running;

/// <summary>
/// The platform composed exactly as the front ends compose it (<see cref="RagPlatformServiceCollectionExtensions.AddRagPlatform"/>),
/// from one cell's settings, with the generator wrapped so each call is seeded and its prompt recorded.
/// </summary>
internal sealed class CellPipeline : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CellPipeline(ServiceProvider services, IConfiguration configuration)
    {
        _services = services;
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }

    public IQuestionAnswerer Answerer => _services.GetRequiredService<IQuestionAnswerer>();

    /// <summary>Scores gold answers for perplexity when the cell has a local generator, as <c>ragp eval run</c> does.</summary>
    public ITextScorer? TextScorer => _services.GetService<ITextScorer>();

    public static CellPipeline Create(IReadOnlyDictionary<string, string> settings, ILoggerFactory loggerFactory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddRagPlatform(configuration);
        WrapGenerator(services);
        return new CellPipeline(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), configuration);
    }

    /// <summary>Indexes the experiment's corpus (or the bundled sample corpus) into the cell's store; unchanged files are skipped.</summary>
    public async Task IndexCorpusAsync(CancellationToken cancellationToken)
    {
        var seeder = _services.GetRequiredService<SampleCorpusSeeder>();
        var report = await seeder.SeedAsync(null, cancellationToken).ConfigureAwait(false);
        if (report.Added + report.Updated + report.Unchanged == 0)
        {
            throw new InvalidOperationException(
                $"Nothing could be indexed from {seeder.CorpusPath}: {string.Join("; ", report.Files.Select(file => $"{file.SourcePath}: {file.Error}").DefaultIfEmpty("the folder holds no supported documents"))}.");
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static void WrapGenerator(ServiceCollection services)
    {
        var registered = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IChatClient) && !descriptor.IsKeyedService);
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IChatClient>(provider => new SeededRecordingChatClient(Resolve(registered, provider)));
    }

    private static IChatClient Resolve(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IChatClient)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
