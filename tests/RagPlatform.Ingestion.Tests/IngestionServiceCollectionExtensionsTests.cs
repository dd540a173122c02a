using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace RagPlatform.Ingestion.Tests;

public sealed class IngestionServiceCollectionExtensionsTests
{
    [Fact]
    public void RegistersReadersLoaderAndChunkerWithTheConfiguredOptions()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIngestion(ingestion => ingestion.MaxFileBytes = 4_096, chunking => (chunking.MaxTokens, chunking.OverlapTokens) = (20, 4));
        services.AddIngestion();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal(["txt", "md", "html", "pdf", "docx"], provider.GetServices<IDocumentReader>().Select(reader => reader.Format));
        Assert.Equal(
            [".docx", ".htm", ".html", ".markdown", ".md", ".pdf", ".text", ".txt"],
            provider.GetRequiredService<DocumentLoader>().SupportedExtensions);
        Assert.Equal(4_096, provider.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxFileBytes);
        var content = DocumentContent.Create(new ExtractedDocument("t", [new DocumentBlock(string.Join(" ", Enumerable.Repeat("Satu dua tiga.", 30)), string.Empty, null)]));
        var chunks = provider.GetRequiredService<TextChunker>().Chunk(content);
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, chunk => Assert.InRange(chunk.TokenCount, 1, 20));
    }
}
