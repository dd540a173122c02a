using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using RagPlatform.Api.Errors;

namespace RagPlatform.Api.Security;

/// <summary>
/// Checks "Authorization: Bearer &lt;key&gt;" against Api:ApiKeys. Keys are compared as SHA-256 hashes with a
/// fixed-time comparison against every configured key, so neither the key length nor which key matched shows in
/// the response time.
/// </summary>
internal sealed class ApiKeyValidator(IOptions<ApiOptions> options)
{
    private const string BearerPrefix = "Bearer ";

    private readonly byte[][] _keyHashes = options.Value.ApiKeys.Select(Hash).ToArray();

    public bool IsEnabled => _keyHashes.Length > 0;

    /// <returns>Null when the request may proceed, otherwise the 401 to answer with.</returns>
    public ApiError? Authenticate(HttpRequest request)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var presented = ReadBearerToken(request);
        if (presented is null)
        {
            return ApiError.MissingApiKey();
        }

        return FindKey(presented) is null ? ApiError.IncorrectApiKey() : null;
    }

    /// <returns>The position of the matching key in Api:ApiKeys, or null when the request carries no valid key.</returns>
    public int? FindKey(HttpRequest request) =>
        IsEnabled && ReadBearerToken(request) is { } presented ? FindKey(presented) : null;

    private int? FindKey(string presented)
    {
        var presentedHash = Hash(presented);
        int? match = null;
        for (var i = 0; i < _keyHashes.Length; i++)
        {
            // No early exit: every key is compared so the time taken does not reveal which one matched.
            if (CryptographicOperations.FixedTimeEquals(presentedHash, _keyHashes[i]) && match is null)
            {
                match = i;
            }
        }

        return match;
    }

    private static string? ReadBearerToken(HttpRequest request)
    {
        string? header = request.Headers[HeaderNames.Authorization];
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[BearerPrefix.Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
