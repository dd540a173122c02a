using System.Text;
using RagPlatform.Evaluation.Reports;
using RagPlatform.Web.Evaluation;

namespace RagPlatform.Web.Hosting;

/// <summary>Serves a run's self-contained report.html for the run page's frame, and the chat feedback report as downloads.</summary>
internal static class EvaluationReportEndpoint
{
    public const string ChatFeedbackPath = "evaluation/chat-ratings/report";

    // The report carries only inline styles and SVG charts; as a sandboxed document it can run nothing and reach nothing.
    private const string ReportPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    private static readonly Dictionary<string, (string ContentType, Func<HumanFeedbackReportWriter, HumanFeedbackReport, string> Render)> FeedbackFormats =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["md"] = ("text/markdown; charset=utf-8", (writer, report) => writer.ToMarkdown(report)),
            ["html"] = ("text/html; charset=utf-8", (writer, report) => writer.ToHtml(report)),
            ["json"] = ("application/json; charset=utf-8", (writer, report) => writer.ToJson(report)),
        };

    /// <summary>The feedback report's download formats, as file extensions.</summary>
    public static IEnumerable<string> ChatFeedbackFormats => FeedbackFormats.Keys;

    public static void MapEvaluationReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/evaluation/runs/{id}/report.html", (string id, EvaluationRunStore runs, HttpContext context) =>
        {
            var path = runs.RunFile(id, EvaluationReportWriter.HtmlFileName);
            if (path is null || !File.Exists(path))
            {
                return Results.NotFound();
            }

            context.Response.Headers.ContentSecurityPolicy = ReportPolicy;
            context.Response.Headers.CacheControl = "no-cache";
            return Results.File(path, "text/html; charset=utf-8");
        });

        endpoints.MapGet($"/{ChatFeedbackPath}.{{format}}", async (string format, ChatFeedbackReports reports, HumanFeedbackReportWriter writer, HttpContext context) =>
        {
            if (!FeedbackFormats.TryGetValue(format, out var output))
            {
                return Results.NotFound();
            }

            var request = context.Request;
            var report = await reports.CreateAsync(new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/"), context.RequestAborted);
            context.Response.Headers.ContentSecurityPolicy = ReportPolicy;
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(Encoding.UTF8.GetBytes(output.Render(writer, report)), output.ContentType, $"chat-feedback.{format.ToLowerInvariant()}");
        });
    }
}
