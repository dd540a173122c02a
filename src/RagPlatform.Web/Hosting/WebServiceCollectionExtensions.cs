using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RagPlatform.Evaluation;
using RagPlatform.Ingestion;
using RagPlatform.Rag.Hosting;
using RagPlatform.Web.Chat;
using RagPlatform.Web.Data;
using RagPlatform.Web.Documents;
using RagPlatform.Web.Evaluation;

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
        services.AddSingleton<PromptPickerSource>();
        services.AddSingleton<HybridSearchStatus>();

        services.AddRagEvaluation();
        services.AddSingleton<ChatRatingStore>();
        services.AddSingleton<ChatFeedbackReports>();
        services.AddSingleton<EvaluationRunStore>();
        services.AddSingleton<EvaluationDatasets>();
        services.AddSingleton<EvaluationRunService>();
        services.AddScoped<RaterName>();
        return services;
    }
}
