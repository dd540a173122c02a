using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace RagPlatform.Prompts.DependencyInjection;

public static class PromptServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PromptLibrary"/> (loaded once, on first use, from <see cref="PromptLibraryOptions.Directory"/>)
    /// and <see cref="PromptComposer"/> as singletons.
    /// </summary>
    public static IServiceCollection AddPromptLibrary(this IServiceCollection services, Action<PromptLibraryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PromptLibraryOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            var configured = provider.GetRequiredService<IOptions<PromptLibraryOptions>>().Value.Directory;
            var directory = PromptDirectoryResolver.Resolve(configured, Environment.CurrentDirectory, AppContext.BaseDirectory);

            // Service factories are synchronous; the load reads a few dozen small local files once per process.
            var library = PromptLibrary.LoadAsync(directory).GetAwaiter().GetResult();
            var logger = provider.GetService<ILogger<PromptLibrary>>() ?? NullLogger<PromptLibrary>.Instance;
            logger.LogInformation(
                "Loaded prompt library from {Directory}: {ComponentCount} components, {TemplateCount} templates",
                library.Directory,
                library.ComponentCount,
                library.TemplateNames.Count);
            return library;
        });
        services.TryAddSingleton<PromptComposer>();
        return services;
    }
}
