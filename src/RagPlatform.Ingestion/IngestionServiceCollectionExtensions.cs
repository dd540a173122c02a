using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RagPlatform.Ingestion;

public static class IngestionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the txt, Markdown, HTML, PDF and DOCX readers, <see cref="DocumentLoader"/> and <see cref="TextChunker"/>
    /// (cl100k_base unless a <see cref="Microsoft.ML.Tokenizers.Tokenizer"/> is registered). Options can also be bound
    /// from the "Ingestion" and "Chunking" configuration sections. Logging must be registered (hosts do this).
    /// </summary>
    public static IServiceCollection AddIngestion(
        this IServiceCollection services,
        Action<IngestionOptions>? configureIngestion = null,
        Action<ChunkingOptions>? configureChunking = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var ingestion = services.AddOptions<IngestionOptions>();
        if (configureIngestion is not null)
        {
            ingestion.Configure(configureIngestion);
        }

        var chunking = services.AddOptions<ChunkingOptions>();
        if (configureChunking is not null)
        {
            chunking.Configure(configureChunking);
        }

        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IDocumentReader, PlainTextReader>(),
            ServiceDescriptor.Singleton<IDocumentReader, MarkdownReader>(),
            ServiceDescriptor.Singleton<IDocumentReader, HtmlReader>(),
            ServiceDescriptor.Singleton<IDocumentReader, PdfReader>(),
            ServiceDescriptor.Singleton<IDocumentReader, DocxReader>(),
        ]);
        services.TryAddSingleton<DocumentLoader>();
        services.TryAddSingleton<TextChunker>();
        return services;
    }
}
