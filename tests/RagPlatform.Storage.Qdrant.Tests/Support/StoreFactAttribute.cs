namespace RagPlatform.Storage.Contract;

/// <summary>A fact of the shared store contract, run against Qdrant only when QDRANT_URL is set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
    public StoreFactAttribute()
    {
        Skip = new RagPlatform.Storage.Qdrant.Tests.Support.QdrantFactAttribute().Skip;
    }
}
