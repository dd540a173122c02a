using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RagPlatform.Experiments.Results;

/// <summary>
/// The files of one experiment: experiment.json (the manifest), cells/&lt;cell-id&gt;.jsonl (append-only, one record
/// per answered question, flushed as it is written) and the summary and comparison reports.
/// </summary>
internal sealed class ExperimentFolder(string directory)
{
    public const string ManifestFileName = "experiment.json";
    public const string CellsFolderName = "cells";

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string Directory { get; } = Path.GetFullPath(directory);

    public string ManifestPath => Path.Combine(Directory, ManifestFileName);

    public string CellPath(string cellId) => Path.Combine(Directory, CellsFolderName, cellId + ".jsonl");

    public async Task<ExperimentManifest?> ReadManifestAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ManifestPath))
        {
            return null;
        }

        await using var stream = File.OpenRead(ManifestPath);
        try
        {
            return await JsonSerializer.DeserializeAsync<ExperimentManifest>(stream, ManifestJson, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"{ManifestPath} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{ManifestPath} is not an experiment manifest: {exception.Message}. Run again with --restart to start over.", exception);
        }
    }

    public async Task WriteManifestAsync(ExperimentManifest manifest, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, CellsFolderName));
        await using var stream = File.Create(ManifestPath);
        await JsonSerializer.SerializeAsync(stream, manifest, ManifestJson, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the manifest, every stored answer and the reports; indexed stores are kept.</summary>
    public void Clear(IEnumerable<string> reportFiles)
    {
        var cells = Path.Combine(Directory, CellsFolderName);
        if (System.IO.Directory.Exists(cells))
        {
            System.IO.Directory.Delete(cells, recursive: true);
        }

        foreach (var file in reportFiles.Append(ManifestFileName).Select(name => Path.Combine(Directory, name)))
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The cell's records in file order. A last line cut off by an interruption is skipped, and with
    /// <paramref name="repair"/> (before a run appends) also removed from the file, so appending continues on a clean
    /// line; a damaged line before it is an error.
    /// </summary>
    public async Task<IReadOnlyList<ExperimentRecord>> ReadRecordsAsync(string cellId, bool repair, CancellationToken cancellationToken)
    {
        var path = CellPath(cellId);
        if (!File.Exists(path))
        {
            return [];
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var complete = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (repair && complete < bytes.Length)
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(complete);
        }

        var records = new List<ExperimentRecord>();
        var lines = Encoding.UTF8.GetString(bytes, 0, complete).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Length == 0)
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<ExperimentRecord>(lines[index], RecordJson)
                    ?? throw new JsonException("the line holds null"));
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"{path} line {index + 1} is damaged ({exception.Message}). Run again with --restart to start over.", exception);
            }
        }

        return records;
    }

    public RecordWriter OpenRecordWriter(string cellId) => new(CellPath(cellId));

    /// <summary>Appends records to a cell's file, each flushed before the next question starts.</summary>
    public sealed class RecordWriter(string path) : IAsyncDisposable
    {
        private readonly StreamWriter _writer = new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false));

        // Deliberately not cancellable: an answer that was computed is stored whole, never as half a line.
        public async Task AppendAsync(ExperimentRecord record)
        {
            await _writer.WriteAsync(JsonSerializer.Serialize(record, RecordJson) + "\n").ConfigureAwait(false);
            await _writer.FlushAsync().ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }
}
