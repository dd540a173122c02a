using System.Globalization;
using System.Text;
using RagPlatform.Reliability.Infrastructure;

namespace RagPlatform.Reliability.Runner;

/// <summary>
/// The figures table of docs/reliability.md: a run replaces the rows of its own scenario, keeps the others, and
/// records the machine it ran on.
/// </summary>
internal static class ReliabilityReport
{
    public const string RelativePath = "docs/reliability.md";

    private const string TableStart = "<!-- figures:start -->";
    private const string TableEnd = "<!-- figures:end -->";
    private const string Header = "| Scenario | Figure | Value | Target | Result | Reproduce |\n| --- | --- | --- | --- | --- | --- |";

    public static void Write(string path, ScenarioReport report, string command, MachineInfo machine, IReadOnlyList<string> scenarioOrder)
    {
        var document = File.ReadAllText(path);
        var start = document.IndexOf(TableStart, StringComparison.Ordinal);
        var end = document.IndexOf(TableEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{path} has no '{TableStart}' … '{TableEnd}' block for the figures.");
        }

        var existing = document[(start + TableStart.Length)..end]
            .Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Scenario ", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
            .Where(line => Cell(line, 0) != report.Scenario);
        var measured = machine.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = existing
            .Concat(report.Figures.Select(figure =>
                $"| {report.Scenario} | {Escape(figure.Name)} | {Escape(figure.Value)} | {Escape(figure.Target)} | {(figure.Passed ? "pass" : "**FAIL**")} | `{command}` ({measured}, {machine.LogicalCores} cores) |"))
            .OrderBy(row => Order(scenarioOrder, Cell(row, 0)))
            .ToList();

        var table = new StringBuilder().Append(TableStart).Append('\n').Append(Header).Append('\n');
        foreach (var row in rows)
        {
            table.Append(row).Append('\n');
        }

        table.Append('\n').Append(CultureInfo.InvariantCulture, $"Last run: `{report.Scenario}` on {machine}.").Append('\n');
        File.WriteAllText(path, document[..start] + table + document[end..]);
    }

    // Rows of one scenario keep their order; scenarios follow the runner's order.
    private static int Order(IReadOnlyList<string> scenarioOrder, string scenario)
    {
        var index = scenarioOrder.ToList().IndexOf(scenario);
        return index < 0 ? int.MaxValue : index;
    }

    private static string Cell(string row, int index) => row.Split('|', StringSplitOptions.TrimEntries)[index + 1];

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
