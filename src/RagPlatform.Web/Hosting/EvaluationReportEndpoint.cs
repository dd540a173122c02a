using RagPlatform.Evaluation.Reports;
using RagPlatform.Web.Evaluation;

namespace RagPlatform.Web.Hosting;

/// <summary>Serves a run's self-contained report.html for the run page's frame.</summary>
internal static class EvaluationReportEndpoint
{
    // The report carries only inline styles and SVG charts; as a sandboxed document it can run nothing and reach nothing.
    private const string ReportPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

    public static void MapEvaluationReports(this IEndpointRouteBuilder endpoints) =>
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
}
