using System.Net.Http.Headers;
using System.Text;
using RagPlatform.Api.Tests.Infrastructure;

namespace RagPlatform.Api.Tests.Rag;

public sealed class DocumentApiTests : IAsyncLifetime
{
    private const string LectureNotes = "# Embeddings\n\nAn embedding maps a text to a vector so that similar texts lie close together.\n";
    private RagServer? _rag;

    private RagServer Rag => _rag!;

    public async Task InitializeAsync() =>
        _rag = await RagServer.StartAsync(new Dictionary<string, string?> { ["Ingestion:MaxFileBytes"] = "4096" });

    public async Task DisposeAsync() => await Rag.DisposeAsync();

    [Fact]
    public async Task List_shows_the_indexed_documents()
    {
        using var response = await Rag.Http.GetAsync("api/documents");
        var documents = (await response.ReadJsonAsync()).EnumerateArray().ToList();

        Assert.Equal(Rag.DocumentIds.Values.Order(), documents.Select(d => d.GetProperty("id").GetString()).Order());
        var attention = documents.Single(d => d.GetProperty("id").GetString() == Rag.DocumentIds[RagServer.AttentionDocument]);
        Assert.Equal("Self-attention", attention.GetProperty("title").GetString());
        Assert.Equal("md", attention.GetProperty("format").GetString());
        Assert.Equal("en", attention.GetProperty("language").GetString());
        Assert.True(attention.GetProperty("chunkCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Get_returns_the_document_with_its_chunks_and_404_for_unknown_ids()
    {
        var id = Rag.DocumentIds[RagServer.ChunkingDocument];

        using var found = await Rag.Http.GetAsync($"api/documents/{id}");
        using var missing = await Rag.Http.GetAsync("api/documents/0123456789abcdef");
        var details = await found.ReadJsonAsync();

        Assert.Equal(id, details.GetProperty("document").GetProperty("id").GetString());
        var chunk = details.GetProperty("chunks")[0];
        Assert.Equal(0, chunk.GetProperty("index").GetInt32());
        Assert.Contains("Overlap between neighbouring chunks", chunk.GetProperty("text").GetString(), StringComparison.Ordinal);
        await missing.AssertProblemAsync(404, "document_not_found");
    }

    [Fact]
    public async Task Upload_ingests_supported_files_reports_each_file_and_the_document_becomes_answerable()
    {
        using var content = Multipart(("lecture notes.md", LectureNotes), ("tool.exe", "MZ binary"), ("empty.txt", ""));

        using var response = await Rag.Http.PostAsync("api/documents", content);
        var files = (await response.ReadJsonAsync()).GetProperty("files").EnumerateArray().ToList();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["lecture_notes.md", "tool.exe", "empty.txt"], files.Select(f => f.GetProperty("fileName").GetString()));
        Assert.Equal(["added", "failed", "failed"], files.Select(f => f.GetProperty("outcome").GetString()));
        Assert.Contains("unsupported file type '.exe'", files[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        var documentId = files[0].GetProperty("documentId").GetString()!;
        Assert.True(files[0].GetProperty("chunkCount").GetInt32() >= 1);

        var stored = Directory.GetFiles(Path.Combine(Rag.StorePath, "uploads"), "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains(".incoming", StringComparison.Ordinal)).ToList();
        Assert.Equal("lecture_notes.md", Path.GetFileName(Assert.Single(stored)));
        Assert.Equal(LectureNotes, File.ReadAllText(stored[0]));

        using var ask = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json("""{"question":"What does an embedding map a text to?"}"""));
        var answer = await ask.ReadJsonAsync();
        Assert.Equal(documentId, answer.GetProperty("citations")[0].GetProperty("documentId").GetString());
    }

    [Fact]
    public async Task Upload_labels_are_listed_and_filter_ask()
    {
        using var content = Multipart(("lecture.md", LectureNotes));
        content.Add(new StringContent("course:nlp"), "tags");
        content.Add(new StringContent("week3"), "tags");
        content.Add(new StringContent("owner=tim"), "metadata");

        using var upload = await Rag.Http.PostAsync("api/documents", content);
        var id = (await upload.ReadJsonAsync()).GetProperty("files")[0].GetProperty("documentId").GetString();
        using var list = await Rag.Http.GetAsync("api/documents");
        var listed = (await list.ReadJsonAsync()).EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
        using var ask = await Rag.Http.PostAsync("api/ask", HttpHelpers.Json(
            """{"question":"What does an embedding map a text to?","tags":["week3"],"metadata":{"owner":"tim"}}"""));

        Assert.Equal(["course:nlp", "week3"], listed.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal("tim", listed.GetProperty("metadata").GetProperty("owner").GetString());
        var context = (await ask.ReadJsonAsync()).GetProperty("context").EnumerateArray().ToList();
        Assert.NotEmpty(context);
        Assert.All(context, chunk => Assert.Equal(id, chunk.GetProperty("documentId").GetString()));
    }

    [Fact]
    public async Task A_malformed_label_is_a_400_naming_the_field_and_nothing_is_stored()
    {
        using var content = Multipart(("lecture.md", LectureNotes));
        content.Add(new StringContent("owner"), "metadata");

        using var response = await Rag.Http.PostAsync("api/documents", content);

        var problem = await response.AssertProblemAsync(400);
        Assert.Equal("metadata", problem.GetProperty("param").GetString());
        Assert.Contains("key=value", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Rag.StorePath, "uploads")));
    }

    [Fact]
    public async Task Uploading_the_same_file_again_finds_it_unchanged()
    {
        using var first = await Rag.Http.PostAsync("api/documents", Multipart(("notes.md", LectureNotes)));
        using var second = await Rag.Http.PostAsync("api/documents", Multipart(("notes.md", LectureNotes)));

        var firstFile = (await first.ReadJsonAsync()).GetProperty("files")[0];
        var secondFile = (await second.ReadJsonAsync()).GetProperty("files")[0];
        Assert.Equal("added", firstFile.GetProperty("outcome").GetString());
        Assert.Equal("unchanged", secondFile.GetProperty("outcome").GetString());
        Assert.Equal(firstFile.GetProperty("documentId").GetString(), secondFile.GetProperty("documentId").GetString());
    }

    [Theory]
    [InlineData("../../../escape.md", "escape.md")]
    [InlineData("..\\..\\windows\\escape.md", "escape.md")]
    [InlineData("/etc/cron.d/job.md", "job.md")]
    [InlineData("ünïcode näme.md", "unicode_name.md")]
    [InlineData("a<b>|c:*?.md", "a_b__c.md")]
    public async Task Client_paths_never_leave_the_upload_folder(string clientName, string savedName)
    {
        using var response = await Rag.Http.PostAsync("api/documents", Multipart((clientName, LectureNotes)));
        var file = (await response.ReadJsonAsync()).GetProperty("files")[0];

        Assert.Equal(savedName, file.GetProperty("fileName").GetString());
        var document = await (await Rag.Http.GetAsync($"api/documents/{file.GetProperty("documentId").GetString()}")).ReadJsonAsync();
        var sourcePath = Path.GetFullPath(document.GetProperty("document").GetProperty("sourcePath").GetString()!);
        Assert.StartsWith(Path.GetFullPath(Path.Combine(Rag.StorePath, "uploads")) + Path.DirectorySeparatorChar, sourcePath, StringComparison.Ordinal);
        Assert.Equal(savedName, Path.GetFileName(sourcePath));
    }

    [Fact]
    public async Task Delete_removes_the_document_and_its_uploaded_file()
    {
        using var upload = await Rag.Http.PostAsync("api/documents", Multipart(("delete-me.md", LectureNotes)));
        var id = (await upload.ReadJsonAsync()).GetProperty("files")[0].GetProperty("documentId").GetString();
        var sourcePath = (await (await Rag.Http.GetAsync($"api/documents/{id}")).ReadJsonAsync()).GetProperty("document").GetProperty("sourcePath").GetString()!;

        using var deleted = await Rag.Http.DeleteAsync($"api/documents/{id}");
        using var afterwards = await Rag.Http.GetAsync($"api/documents/{id}");
        using var again = await Rag.Http.DeleteAsync($"api/documents/{id}");

        Assert.Equal(200, (int)deleted.StatusCode);
        Assert.Equal(id, (await deleted.ReadJsonAsync()).GetProperty("id").GetString());
        Assert.False(File.Exists(sourcePath));
        Assert.False(Directory.Exists(Path.GetDirectoryName(sourcePath)));
        await afterwards.AssertProblemAsync(404, "document_not_found");
        await again.AssertProblemAsync(404, "document_not_found");
    }

    [Fact]
    public async Task Deleting_a_document_that_was_not_uploaded_keeps_its_file()
    {
        var id = Rag.DocumentIds[RagServer.AttentionDocument];

        using var deleted = await Rag.Http.DeleteAsync($"api/documents/{id}");

        var sourcePath = (await deleted.ReadJsonAsync()).GetProperty("sourcePath").GetString()!;
        Assert.True(File.Exists(sourcePath));
    }

    [Fact]
    public async Task A_file_over_the_ingestion_limit_is_refused_with_413_and_nothing_is_stored()
    {
        using var content = Multipart(("small.md", LectureNotes), ("huge.md", "# Big\n\n" + new string('a', 5000)));

        using var response = await Rag.Http.PostAsync("api/documents", content);

        var problem = await response.AssertProblemAsync(413, "request_too_large");
        Assert.Contains("'huge.md'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Ingestion:MaxFileBytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Rag.StorePath, "uploads")));
        using var list = await Rag.Http.GetAsync("api/documents");
        Assert.Equal(Rag.DocumentIds.Count, (await list.ReadJsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task A_request_body_over_the_upload_limit_is_refused_with_413()
    {
        // The body limit is Ingestion:MaxFileBytes × Api:MaxUploadFiles plus 1 MiB for multipart framing.
        using var content = Multipart(("small.md", LectureNotes));
        content.Add(new StringContent(new string('c', 2 * 1024 * 1024)), "padding");

        using var response = await Rag.Http.PostAsync("api/documents", content);

        await response.AssertProblemAsync(413, "request_too_large");
    }

    [Fact]
    public async Task Too_many_files_in_one_upload_is_a_400()
    {
        var files = Enumerable.Range(0, 21).Select(i => ($"part{i}.md", LectureNotes)).ToArray();

        using var response = await Rag.Http.PostAsync("api/documents", Multipart(files));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains("Api:MaxUploadFiles", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_without_multipart_or_files_is_a_400()
    {
        using var json = await Rag.Http.PostAsync("api/documents", HttpHelpers.Json("""{"path":"/etc/passwd"}"""));
        using var empty = await Rag.Http.PostAsync("api/documents", new MultipartFormDataContent { { new StringContent("x"), "note" } });

        Assert.Equal("files", (await json.AssertProblemAsync(400)).GetProperty("param").GetString());
        Assert.Contains("no files", (await empty.AssertProblemAsync(400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Multipart(params (string Name, string Text)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            // Set by hand so that names with path segments reach the server unaltered: ASCII names as an escaped
            // quoted-string, other names in RFC 5987's filename*.
            var disposition = new ContentDispositionHeaderValue("form-data") { Name = "\"files\"" };
            if (Ascii.IsValid(name))
            {
                disposition.FileName = $"\"{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
            }
            else
            {
                disposition.FileNameStar = name;
            }

            part.Headers.ContentDisposition = disposition;
            content.Add(part);
        }

        return content;
    }
}
