using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RagPlatform.Core.Storage;

namespace RagPlatform.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteChunkStore"/> as the singleton <see cref="IChunkStore"/> (and as itself, for the
    /// embedding-signature and maintenance methods the interface does not have).
    /// </summary>
    public static IServiceCollection AddSqliteChunkStore(this IServiceCollection services, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<SqliteChunkStore>();
        services.TryAddSingleton<IChunkStore>(provider => provider.GetRequiredService<SqliteChunkStore>());
        return services;
    }
}
