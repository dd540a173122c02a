using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagPlatform.Experiments.Running;

namespace RagPlatform.Experiments;

public static class ExperimentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ExperimentRunner"/>. It builds each cell's pipeline from the registered
    /// <see cref="Microsoft.Extensions.Configuration.IConfiguration"/> with the cell's settings laid over it.
    /// </summary>
    public static IServiceCollection AddRagExperiments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ExperimentRunner>();
        return services;
    }
}
