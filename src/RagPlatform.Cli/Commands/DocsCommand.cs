using System.CommandLine;
using System.Globalization;
using RagPlatform.Cli.Rendering;
using RagPlatform.Core.Documents;
using RagPlatform.Rag.Documents;
using Spectre.Console;

namespace RagPlatform.Cli.Commands;

/// <summary><c>ragp docs list|show|remove</c>: inspect and manage what is indexed.</summary>
internal static class DocsCommand
{
    private static readonly Argument<string> Document = new("document") { Description = "Document id (from 'ragp docs list') or the path it was ingested from" };

    public static Command Create(CliEnvironment environment)
    {
        var list = new Command("list", "List indexed documents");
        CommandRunner.SetAction(list, environment, ListAsync);

        var show = new Command("show", "Show a document's details and chunks") { Document };
        CommandRunner.SetAction(show, environment, ShowAsync);

        var remove = new Command("remove", "Remove a document and everything indexed from it") { Document };
        CommandRunner.SetAction(remove, environment, RemoveAsync);

        return new Command("docs", "Manage indexed documents") { list, show, remove };
    }

    private static async Task<int> ListAsync(CommandContext context)
    {
        var documents = await context.Get<DocumentCatalog>().ListAsync(context.CancellationToken);
        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, documents);
            return CommandRunner.Success;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Title", "Format", "Lang", "Chunks", "Tags", "Metadata", "Path");
        foreach (var document in documents)
        {
            table.AddRow(
                Markup.Escape(document.Id), Markup.Escape(document.Title), document.Format, document.Language,
                document.ChunkCount.ToString(CultureInfo.InvariantCulture), Markup.Escape(FormatTags(document)),
                Markup.Escape(FormatMetadata(document)), Markup.Escape(DisplayPath.For(document.SourcePath)));
        }

        context.Console.Write(table);
        context.Console.MarkupLineInterpolated($"[grey]{documents.Count} documents, {documents.Sum(d => d.ChunkCount)} chunks[/]");
        return CommandRunner.Success;
    }

    private static async Task<int> ShowAsync(CommandContext context)
    {
        var key = context.ParseResult.GetValue(Document)!;
        if (await context.Get<DocumentCatalog>().FindAsync(key, context.CancellationToken) is not { } details)
        {
            return NotFound(context, key);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, details);
            return CommandRunner.Success;
        }

        var document = details.Document;
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("[bold]Id[/]", Markup.Escape(document.Id));
        grid.AddRow("[bold]Title[/]", Markup.Escape(document.Title));
        grid.AddRow("[bold]Path[/]", Markup.Escape(DisplayPath.For(document.SourcePath)));
        grid.AddRow("[bold]Format[/]", Markup.Escape($"{document.Format}, {document.SizeBytes:N0} bytes, language {document.Language}"));
        grid.AddRow("[bold]Indexed[/]", Markup.Escape(document.IngestedAt.ToString("u", CultureInfo.InvariantCulture)));
        grid.AddRow("[bold]SHA-256[/]", Markup.Escape(document.ContentHash));
        grid.AddRow("[bold]Tags[/]", Markup.Escape(FormatTags(document)));
        grid.AddRow("[bold]Metadata[/]", Markup.Escape(FormatMetadata(document)));
        context.Console.Write(new Panel(grid).Header("Document"));

        var chunks = new Table().Border(TableBorder.Simple).AddColumns("#", "Section", "Page", "Tokens", "Offsets", "Text");
        foreach (var chunk in details.Chunks)
        {
            chunks.AddRow(
                chunk.Index.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(chunk.HeadingPath),
                chunk.Page?.ToString(CultureInfo.InvariantCulture) ?? "",
                chunk.TokenCount.ToString(CultureInfo.InvariantCulture),
                $"{chunk.StartOffset}-{chunk.EndOffset}",
                Markup.Escape(Preview(chunk.Text)));
        }

        context.Console.Write(chunks);
        return CommandRunner.Success;
    }

    private static async Task<int> RemoveAsync(CommandContext context)
    {
        var key = context.ParseResult.GetValue(Document)!;
        if (await context.Get<DocumentCatalog>().RemoveAsync(key, context.CancellationToken) is not { } removed)
        {
            return NotFound(context, key);
        }

        if (context.Json)
        {
            JsonOutput.Write(context.Environment.Out, removed);
        }
        else
        {
            context.Console.MarkupLineInterpolated($"Removed [bold]{removed.Title}[/] ({removed.ChunkCount} chunks) from the store.");
        }

        return CommandRunner.Success;
    }

    private static int NotFound(CommandContext context, string key)
    {
        context.Environment.Error.WriteLine($"error: no indexed document has the id or path '{key}'. 'ragp docs list' shows what is indexed.");
        return CommandRunner.Failure;
    }

    private static string FormatTags(DocumentInfo document) => string.Join(", ", document.Tags);

    private static string FormatMetadata(DocumentInfo document) =>
        string.Join(", ", document.Metadata.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={entry.Value}"));

    private static string Preview(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 80 ? flat : string.Concat(flat.AsSpan(0, 79), "…");
    }
}
