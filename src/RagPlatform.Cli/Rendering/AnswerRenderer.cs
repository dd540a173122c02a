using RagPlatform.Core.Answers;
using Spectre.Console;

namespace RagPlatform.Cli.Rendering;

/// <summary>Writes a streamed answer as it arrives, then its numbered sources.</summary>
internal static class AnswerRenderer
{
    public static async Task<GroundedAnswer> StreamAsync(IAnsiConsole console, IAsyncEnumerable<AnswerUpdate> updates)
    {
        GroundedAnswer? answer = null;
        await foreach (var update in updates)
        {
            if (update.TextDelta.Length > 0)
            {
                console.Write(new Text(update.TextDelta));
            }

            answer = update.Completed ?? answer;
        }

        console.WriteLine();
        if (answer is null)
        {
            throw new InvalidOperationException("The answer stream ended without a final answer.");
        }

        WriteSources(console, answer);
        return answer;
    }

    public static void WriteSources(IAnsiConsole console, GroundedAnswer answer)
    {
        if (answer.Abstained)
        {
            console.MarkupLine(answer.Language == "id"
                ? "[yellow]Tidak ditemukan di dokumen.[/] [grey]Coba ubah pertanyaan, atau tambahkan dokumen yang membahasnya: ragp ingest <path>[/]"
                : "[yellow]Not found in the documents.[/] [grey]Try rephrasing, or add documents that cover it: ragp ingest <path>[/]");
            return;
        }

        console.WriteLine();
        console.MarkupLine(answer.Language == "id" ? "[bold]Sumber[/]" : "[bold]Sources[/]");
        foreach (var citation in answer.Citations)
        {
            console.MarkupLineInterpolated($"  [bold cyan][[{citation.Number}]][/] {DisplayPath.For(citation.SourcePath)}{Location(citation)}");
            console.MarkupLineInterpolated($"      [grey italic]\u201c{citation.Quote}\u201d[/]");
        }
    }

    private static string Location(Citation citation)
    {
        var parts = new List<string>();
        if (citation.HeadingPath.Length > 0)
        {
            parts.Add(citation.HeadingPath);
        }

        if (citation.Page is { } page)
        {
            parts.Add($"p. {page}");
        }

        return parts.Count == 0 ? string.Empty : " \u203a " + string.Join(" \u00b7 ", parts);
    }
}
