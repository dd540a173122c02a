using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using RagPlatform.Core.Answers;
using RagPlatform.Core.Text;
using RagPlatform.Ingestion;
using RagPlatform.Prompts.DependencyInjection;
using RagPlatform.Rag.Answering;
using RagPlatform.Rag.Documents;
using RagPlatform.Rag.FollowUps;
using RagPlatform.Rag.Ingestion;
using RagPlatform.Rag.Kernel;
using RagPlatform.Retrieval;
using RagPlatform.Storage;
using RagPlatform.Storage.Qdrant;

namespace RagPlatform.Rag.Hosting;

/// <summary>Registers the whole platform — store, ingestion, retrieval, kernel and answering — for any front end.</summary>
public static class RagPlatformServiceCollectionExtensions
{
    /// <summary>
    /// Adds the platform with settings from <paramref name="configuration"/>: sections Store, Ingestion, Chunking,
    /// Retrieval, Answering, Prompts and Models.
    /// </summary>
    public static IServiceCollection AddRagPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName));
        services.AddOptions<AnsweringOptions>()
            .Bind(configuration.GetSection(AnsweringOptions.SectionName))
            .Validate(o => o.MinimumSupport is > 0 and <= 1, "Answering:MinimumSupport must be in (0, 1].")
            .Validate(o => o.MaxSentences >= 1, "Answering:MaxSentences must be at least 1.")
            .Validate(o => o.MaxQuestionLength >= 1, "Answering:MaxQuestionLength must be at least 1.");

        AddStore(services, configuration.GetSection(StoreOptions.SectionName));

        services.AddIngestion(null, null);
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection("Ingestion"));
        services.AddOptions<ChunkingOptions>().Bind(configuration.GetSection("Chunking"));

        services.AddRetrieval(null);
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection("Retrieval"));

        services.AddPromptLibrary(o => configuration.GetSection("Prompts").Bind(o));
        services.AddConfiguredModels(configuration);

        services.AddSingleton<ITextAnalyzer>(MultilingualAnalyzer.Default);
        services.AddSingleton<RetrievalPlugin>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(sp.GetRequiredService<RetrievalPlugin>(), RetrievalPlugin.PluginName));
        services.AddKernel();

        services.AddSingleton<ExtractiveAnswerer>();
        services.AddSingleton<IQuestionAnswerer, RagQuestionAnswerer>();
        services.AddSingleton<IFollowUpQuestionSuggester>(sp => sp.GetService<IChatClient>() is null
            ? new HeadingFollowUpQuestionSuggester()
            : ActivatorUtilities.CreateInstance<ModelFollowUpQuestionSuggester>(sp));
        services.AddSingleton<DocumentIngestionService>();
        services.AddSingleton<SampleCorpusSeeder>();
        services.AddSingleton<DocumentCatalog>();
        return services;
    }

    private static void AddStore(IServiceCollection services, IConfigurationSection store)
    {
        var provider = store[nameof(StoreOptions.Provider)] ?? StoreOptions.SqliteProvider;
        if (provider.Equals(StoreOptions.QdrantProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddQdrantChunkStore(store.GetSection("Qdrant").Bind);
            return;
        }

        if (!provider.Equals(StoreOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Store:Provider '{provider}' is not known: use '{StoreOptions.SqliteProvider}' (embedded, the default) or '{StoreOptions.QdrantProvider}' (set Store:Qdrant:Endpoint).");
        }

        services.AddSqliteChunkStore(null);
        services.AddOptions<SqliteStoreOptions>()
            .Configure<IOptions<StoreOptions>>((sqlite, options) => sqlite.DirectoryPath = options.Value.Path);
    }
}
