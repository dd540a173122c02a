namespace RagPlatform.Api;

/// <summary>Security and limits of the HTTP API. Bound from the "Api" configuration section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Keys accepted as "Authorization: Bearer &lt;key&gt;" on every /api and /v1 endpoint. Empty leaves the API open,
    /// which is only sensible while it listens on loopback.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Largest JSON request body accepted, in bytes; larger requests get 413.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most files one upload request may carry (each is limited by Ingestion:MaxFileBytes).</summary>
    public int MaxUploadFiles { get; set; } = 20;

    public ApiRateLimitOptions RateLimit { get; set; } = new();

    public ApiCorsOptions Cors { get; set; } = new();

    public ApiEvaluationOptions Evaluation { get; set; } = new();
}

/// <summary>Fixed-window request limit per API key (or per client IP when no key is presented).</summary>
public sealed class ApiRateLimitOptions
{
    /// <summary>Requests allowed per minute and partition; 0 turns rate limiting off.</summary>
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>Requests over the limit that wait for the next window instead of getting 429 at once.</summary>
    public int QueueLimit { get; set; }
}

/// <summary>Cross-origin access for browser clients on other origins. Off unless origins are listed.</summary>
public sealed class ApiCorsOptions
{
    /// <summary>Origins such as "https://course.example.org"; empty sends no CORS headers at all.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}

/// <summary>Where evaluation runs started through the API find their datasets, and how many may wait.</summary>
public sealed class ApiEvaluationOptions
{
    /// <summary>
    /// The folder datasets are named relative to; requests cannot reach files outside it. Null uses data/eval of
    /// the RagPlatform checkout above the working directory.
    /// </summary>
    public string? DatasetsPath { get; set; }

    /// <summary>The dataset a run uses when the request names none.</summary>
    public string DefaultDataset { get; set; } = "qa.jsonl";

    /// <summary>Runs that may wait behind the one running; more get 429.</summary>
    public int MaxQueuedRuns { get; set; } = 4;
}
