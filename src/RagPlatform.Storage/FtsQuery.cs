using System.Text;
using RagPlatform.Core.Text;

namespace RagPlatform.Storage;

/// <summary>
/// Turns a user's query into an FTS5 MATCH expression that cannot fail or be steered: the query is analyzed like the
/// indexed text and its distinct terms are OR-ed as quoted strings, so quotes, NEAR, *, AND/OR/NOT and parentheses
/// in the user's text are just words or nothing.
/// </summary>
internal static class FtsQuery
{
    /// <returns>The MATCH expression, or null when the query has no searchable terms.</returns>
    public static string? Build(ITextAnalyzer analyzer, string query)
    {
        var terms = analyzer.Analyze(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var expression = new StringBuilder();
        foreach (var term in terms)
        {
            if (expression.Length > 0)
            {
                expression.Append(" OR ");
            }

            expression.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return expression.ToString();
    }
}
