namespace RagPlatform.Storage.Qdrant.Http;

/// <summary>REST paths, relative to the endpoint. Writes wait until Qdrant has applied them.</summary>
internal static class QdrantPaths
{
    public static string Collection(string collection) => $"collections/{Uri.EscapeDataString(collection)}";

    /// <summary>PUT create_field_index.</summary>
    public static string PayloadIndex(string collection) => $"{Collection(collection)}/index?wait=true";

    /// <summary>PUT create_vector_name.</summary>
    public static string NamedVector(string collection, string vectorName) =>
        $"{Collection(collection)}/vectors/{Uri.EscapeDataString(vectorName)}?wait=true";

    /// <summary>PUT upsert_points.</summary>
    public static string Upsert(string collection) => $"{Collection(collection)}/points?wait=true";

    /// <summary>POST get_points.</summary>
    public static string Retrieve(string collection) => $"{Collection(collection)}/points";

    /// <summary>POST delete_points.</summary>
    public static string Delete(string collection) => $"{Collection(collection)}/points/delete?wait=true";

    /// <summary>POST query_points.</summary>
    public static string Query(string collection) => $"{Collection(collection)}/points/query";

    /// <summary>POST scroll_points.</summary>
    public static string Scroll(string collection) => $"{Collection(collection)}/points/scroll";

    /// <summary>POST count_points.</summary>
    public static string Count(string collection) => $"{Collection(collection)}/points/count";
}
