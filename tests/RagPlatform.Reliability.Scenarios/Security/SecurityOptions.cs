namespace RagPlatform.Reliability.Security;

/// <param name="RateLimitPermits">Requests per minute and key on the rate-limit server; that many pass, the rest get 429.</param>
/// <param name="RateLimitExtraRequests">Requests sent over the limit.</param>
public sealed record SecurityOptions(int RateLimitPermits = 20, int RateLimitExtraRequests = 10);
