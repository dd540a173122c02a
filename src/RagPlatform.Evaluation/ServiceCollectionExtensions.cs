using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Evaluation.Runs;

namespace RagPlatform.Evaluation;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EvaluationRunner"/>, <see cref="BeirRetrievalEvaluator"/>, <see cref="EvaluationReportWriter"/> and <see cref="HumanFeedbackReportWriter"/>. Run settings are passed per
    /// run as <see cref="EvaluationOptions"/>; bind them from the "Evaluation" section with
    /// <c>configuration.GetSection(EvaluationOptions.SectionName).Bind(options)</c> when they come from configuration.
    /// </summary>
    public static IServiceCollection AddRagEvaluation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EvaluationRunner>();
        services.TryAddSingleton<BeirRetrievalEvaluator>();
        services.TryAddSingleton<EvaluationReportWriter>();
        services.TryAddSingleton<HumanFeedbackReportWriter>();
        return services;
    }
}
