namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>
/// A fact that needs a real Qdrant server: skipped, with the reason shown, unless QDRANT_URL is set. xunit 2 cannot
/// skip at run time, so the decision is made when the attribute is created.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class QdrantFactAttribute : FactAttribute
{
    public const string UrlVariable = "QDRANT_URL";

    public QdrantFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(UrlVariable)))
        {
            Skip = "QDRANT_URL not set; run `docker compose up qdrant` and set QDRANT_URL=http://localhost:6333";
        }
    }
}
