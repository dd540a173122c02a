using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagPlatform.Ingestion;
using RagPlatform.Prompts.DependencyInjection;
using RagPlatform.Rag.Hosting;
using RagPlatform.Web.Chat;
using RagPlatform.Web.Data;
using RagPlatform.Web.Documents;

namespace RagPlatform.Web.Hosting;

internal static class WebServiceCollectionExtensions
{
    /// <summary>The web front end's own services; the platform itself comes from AddRagPlatform.</summary>
    public static IServiceCollection AddRagPlatformWeb(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WebDataPaths(sp.GetRequiredService<IOptions<StoreOptions>>().Value.Path));
        services.AddSingleton<WebDatabase>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton(sp => new UploadPolicy(
            sp.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxFileBytes,
            sp.GetRequiredService<DocumentLoader>().SupportedExtensions));
        services.AddSingleton<SampleCorpusInitializer>();

        // Registers nothing when the platform already added the library (TryAdd), so both share one instance.
        services.AddPromptLibrary();
        services.AddSingleton<PromptPickerSource>();
        return services;
    }
}
