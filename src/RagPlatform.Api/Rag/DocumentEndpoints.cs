using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using RagPlatform.Api.Errors;
using RagPlatform.Api.Http;
using RagPlatform.Core.Documents;
using RagPlatform.Core.Storage;
using RagPlatform.Ingestion;
using RagPlatform.Rag.Documents;
using RagPlatform.Rag.Ingestion;

namespace RagPlatform.Api.Rag;

/// <summary>List, show, upload and delete indexed documents under /api/documents.</summary>
internal static class DocumentEndpoints
{
    /// <summary>The multipart field the OpenAPI document names for files; parts under any name are accepted.</summary>
    private const string UploadFieldName = "files";

    /// <summary>Optional repeatable form fields: a tag each, and a key=value metadata entry each, for every uploaded document.</summary>
    private const string TagsFieldName = "tags";
    private const string MetadataFieldName = "metadata";

    // Room for multipart boundaries and part headers on top of the file bytes themselves.
    private const long MultipartOverheadBytes = 1024 * 1024;

    public static void Map(RouteGroupBuilder api, IngestionOptions ingestion, ApiOptions options)
    {
        var documents = api.MapGroup("/documents");
        documents.MapGet("/", ListAsync)
            .WithName("ListDocuments")
            .WithSummary("Every indexed document.")
            .Produces<IReadOnlyList<DocumentDto>>(StatusCodes.Status200OK, "application/json")
            .ProducesRagProblems();

        documents.MapGet("/{id}", GetAsync)
            .WithName("GetDocument")
            .WithSummary("One document with its chunks in order.")
            .Produces<DocumentDetailsDto>(StatusCodes.Status200OK, "application/json")
            .ProducesRagProblems();

        var uploadLimit = checked((ingestion.MaxFileBytes * options.MaxUploadFiles) + MultipartOverheadBytes);
        documents.MapPost("/", UploadAsync)
            .WithName("UploadDocuments")
            .WithSummary("Uploads one or more files (multipart/form-data) and ingests them; reports the outcome per file.")
            .DocumentFileUpload(UploadFieldName, new Dictionary<string, string>
            {
                [TagsFieldName] = "Tags for every uploaded document, one per field (e.g. course:nlp).",
                [MetadataFieldName] = "Metadata for every uploaded document, one key=value per field (e.g. owner=tim).",
            })
            .Produces<UploadResponseDto>(StatusCodes.Status200OK, "application/json")
            .ProducesRagProblems()
            .WithMetadata(new RequestSizeLimit(uploadLimit))
            .WithFormOptions(multipartBodyLengthLimit: uploadLimit);

        documents.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteDocument")
            .WithSummary("Removes a document from the index (and its file, when it was uploaded).")
            .Produces<DocumentDto>(StatusCodes.Status200OK, "application/json")
            .ProducesRagProblems();
    }

    private static async Task<IResult> ListAsync(HttpContext context, [FromServices] DocumentCatalog catalog)
    {
        var documents = await catalog.ListAsync(context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json<IReadOnlyList<DocumentDto>>([.. documents.Select(DocumentDto.From)], RagJsonContext.Default.IReadOnlyListDocumentDto);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, [FromServices] DocumentCatalog catalog)
    {
        var details = await catalog.FindAsync(id, context.RequestAborted).ConfigureAwait(false) ?? throw DocumentNotFound(id);
        return TypedResults.Json(DocumentDetailsDto.From(details), RagJsonContext.Default.DocumentDetailsDto);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, [FromServices] DocumentCatalog catalog, [FromServices] UploadStore uploads)
    {
        var removed = await catalog.RemoveAsync(id, context.RequestAborted).ConfigureAwait(false) ?? throw DocumentNotFound(id);
        uploads.Delete(removed.SourcePath);
        return TypedResults.Json(DocumentDto.From(removed), RagJsonContext.Default.DocumentDto);
    }

    private static async Task<IResult> UploadAsync(
        HttpContext context,
        [FromServices] UploadStore uploads,
        [FromServices] DocumentLoader loader,
        [FromServices] DocumentIngestionService ingestion,
        [FromServices] IChunkStore store,
        [FromServices] IOptions<IngestionOptions> ingestionOptions,
        [FromServices] IOptions<ApiOptions> apiOptions)
    {
        var cancellationToken = context.RequestAborted;
        var form = await ReadFormAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var files = CheckFiles(form.Files, apiOptions.Value.MaxUploadFiles, ingestionOptions.Value.MaxFileBytes);
        var labels = new IngestionRunOptions(
            Tags: DocumentLabels.NormalizeTags(form[TagsFieldName], TagsFieldName),
            Metadata: DocumentLabels.ParseMetadata(form[MetadataFieldName], MetadataFieldName));
        var results = new UploadedFileDto[files.Count];
        var saved = new List<(int Index, string Name, string Path)>();
        for (var i = 0; i < files.Count; i++)
        {
            var name = UploadStore.SafeFileName(files[i].FileName);
            var extension = Path.GetExtension(name);
            if (!loader.SupportedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                results[i] = UploadedFileDto.Failed(name, $"unsupported file type '{extension}'; supported: {string.Join(", ", loader.SupportedExtensions)}");
            }
            else if (files[i].Length == 0)
            {
                results[i] = UploadedFileDto.Failed(name, "empty file (0 bytes): nothing to ingest");
            }
            else
            {
                await using var content = files[i].OpenReadStream();
                saved.Add((i, name, await uploads.SaveAsync(content, name, cancellationToken).ConfigureAwait(false)));
            }
        }

        if (saved.Count > 0)
        {
            var report = await IngestAsync(saved.Select(s => s.Path).Distinct().ToList(), labels, ingestion, store, uploads, cancellationToken).ConfigureAwait(false);
            var byPath = report.Files.ToDictionary(f => Path.GetFullPath(f.SourcePath));
            foreach (var (index, name, path) in saved)
            {
                var result = byPath[Path.GetFullPath(path)];
                results[index] = UploadedFileDto.From(name, result);
                if (result.Outcome == IngestionOutcome.Failed)
                {
                    uploads.Delete(path);
                }
            }
        }

        return TypedResults.Json(new UploadResponseDto(results), RagJsonContext.Default.UploadResponseDto);
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new ApiErrorException(ApiError.InvalidRequest(
                "Send the files as multipart/form-data, e.g. curl -F files=@notes.pdf http://…/api/documents.", UploadFieldName));
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw new ApiErrorException(ApiError.InvalidRequest($"The multipart body could not be read: {e.Message}", UploadFieldName));
        }
    }

    private static IFormFileCollection CheckFiles(IFormFileCollection files, int maxFiles, long maxFileBytes)
    {
        if (files.Count == 0)
        {
            throw new ApiErrorException(ApiError.InvalidRequest("The upload holds no files: add one or more file parts.", UploadFieldName));
        }

        if (files.Count > maxFiles)
        {
            throw new ApiErrorException(ApiError.InvalidRequest(
                $"The upload holds {files.Count} files; at most {maxFiles} are accepted per request (Api:MaxUploadFiles).", UploadFieldName));
        }

        if (files.FirstOrDefault(f => f.Length > maxFileBytes) is { } oversized)
        {
            throw new ApiErrorException(ApiError.TooLarge(string.Create(CultureInfo.InvariantCulture,
                $"'{UploadStore.SafeFileName(oversized.FileName)}' is {oversized.Length:N0} bytes, over the {maxFileBytes:N0}-byte limit (Ingestion:MaxFileBytes); nothing was stored.")));
        }

        return files;
    }

    private static async Task<IngestionReport> IngestAsync(
        IReadOnlyList<string> paths,
        IngestionRunOptions options,
        DocumentIngestionService ingestion,
        IChunkStore store,
        UploadStore uploads,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ingestion.IngestAsync(paths, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Files the index never took would otherwise stay on disk with nothing pointing at them.
            foreach (var path in paths)
            {
                if (await store.GetDocumentAsync(DocumentIdentity.ForPath(path), CancellationToken.None).ConfigureAwait(false) is null)
                {
                    uploads.Delete(path);
                }
            }

            throw;
        }
    }

    private static ApiErrorException DocumentNotFound(string id) =>
        new(ApiError.NotFound($"No document has id '{id}'; GET /api/documents lists them.", "id", "document_not_found"));
}
