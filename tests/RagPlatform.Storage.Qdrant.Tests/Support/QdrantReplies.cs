using System.Net;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

/// <summary>Answers shaped like Qdrant's (spec: every 200 body is {"result", "status": "ok", "time"}; errors are ErrorResponse).</summary>
internal static class QdrantReplies
{
    public static CannedReply Ok(string resultJson) =>
        new(HttpStatusCode.OK, $$$"""{"result":{{{resultJson}}},"status":"ok","time":0.002}""");

    /// <summary>Schema UpdateResult with status "completed", the answer to a write made with wait=true.</summary>
    public static CannedReply Completed { get; } = UpdateStatus("completed");

    public static CannedReply UpdateStatus(string status) => Ok($$$"""{"operation_id":7,"status":"{{{status}}}"}""");

    public static CannedReply Created { get; } = Ok("true");

    /// <summary>Schema ErrorResponse.</summary>
    public static CannedReply Error(HttpStatusCode status, string message) =>
        new(status, $$$"""{"status":{"error":"{{{message}}}"},"time":0.0001}""");

    public static CannedReply CollectionMissing(string collection) =>
        Error(HttpStatusCode.NotFound, $"Not found: Collection `{collection}` doesn't exist!");

    /// <summary>
    /// Schema CollectionInfo of a RagPlatform chunks collection; <paramref name="denseSize"/> null has no dense vector,
    /// and <paramref name="indexed"/> false lacks the payload indexes (PayloadIndexInfo per field).
    /// </summary>
    public static CannedReply ChunksCollection(int? denseSize, bool indexed = true)
    {
        var vectors = denseSize is { } size ? $$$"""{"dense":{"size":{{{size}}},"distance":"Cosine"}}""" : "{}";
        var payloadSchema = indexed
            ? """
              {"document_id":{"data_type":"keyword","points":0},"source_path":{"data_type":"keyword","points":0},
               "language":{"data_type":"keyword","points":0},"tags":{"data_type":"keyword","points":0}}
              """
            : "{}";
        return Ok($$$$"""
            {"status":"green","optimizer_status":"ok","segments_count":2,"points_count":0,"payload_schema":{{{{payloadSchema}}}},
             "config":{"params":{"vectors":{{{{vectors}}}},"shard_number":1,"replication_factor":1,"write_consistency_factor":1,
                                 "sparse_vectors":{"bm25":{"modifier":"idf"}}},
                       "hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000},
                       "optimizer_config":{"deleted_threshold":0.2,"vacuum_min_vector_number":1000,"default_segment_number":0,"flush_interval_sec":5}}}
            """);
    }

    public static CannedReply DocumentsCollection { get; } = Ok("""
        {"status":"green","optimizer_status":"ok","segments_count":2,"payload_schema":{},
         "config":{"params":{"vectors":{}},"hnsw_config":{"m":16,"ef_construct":100,"full_scan_threshold":10000},
                   "optimizer_config":{"deleted_threshold":0.2,"vacuum_min_vector_number":1000,"default_segment_number":0,"flush_interval_sec":5}}}
        """);
}
