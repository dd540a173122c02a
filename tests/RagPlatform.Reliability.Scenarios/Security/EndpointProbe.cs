using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RagPlatform.Reliability.Security;

/// <summary>One mapped endpoint as a request that can be sent: method and a concrete path.</summary>
internal sealed partial record EndpointProbe(string Method, string RoutePattern, string Path)
{
    /// <summary>Endpoints anyone may call: the health check and the OpenAPI document.</summary>
    public bool IsPublic => RoutePattern == "/healthz" || RoutePattern.StartsWith("/openapi/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {RoutePattern}";

    /// <summary>Every route endpoint with each of its methods, parameters filled with harmless values.</summary>
    public static IReadOnlyList<EndpointProbe> From(IEnumerable<Endpoint> endpoints) =>
    [
        .. endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];
                return methods.Select(method => new EndpointProbe(method, pattern, Fill(pattern)));
            })
            .DistinctBy(probe => (probe.Method, probe.Path))
            .OrderBy(probe => probe.RoutePattern, StringComparer.Ordinal)
            .ThenBy(probe => probe.Method, StringComparer.Ordinal),
    ];

    // The OpenAPI document is named; any other parameter gets an id that names nothing stored.
    private static string Fill(string pattern) =>
        RouteParameter().Replace(pattern, match => match.Groups[1].Value == "documentName" ? "ragplatform" : "probe-0000");

    [GeneratedRegex(@"\{\*?([A-Za-z]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
