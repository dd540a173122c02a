using Microsoft.AspNetCore.Http.Metadata;

namespace RagPlatform.Api.Http;

/// <summary>Endpoint metadata that routing applies as the request's maximum body size.</summary>
internal sealed record RequestSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
