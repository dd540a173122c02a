using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RagPlatform.Cli.Tests;

public sealed class CliDoctorTests
{
    [Fact]
    public async Task A_freshly_ingested_store_is_healthy()
    {
        using var cli = new CliRun();
        cli.WriteDocument("chunking.md", "# Chunking\n\nChunking splits documents into passages of a few hundred tokens.\n");
        await cli.RunAsync("ingest", cli.DocumentsPath);

        var table = await cli.RunAsync("doctor");
        var json = await cli.RunAsync("doctor", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Keyword index matches chunks", table.Console, StringComparison.Ordinal);
        Assert.Contains("The store is healthy.", table.Console, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        using var diagnosis = JsonDocument.Parse(json.Output);
        Assert.True(diagnosis.RootElement.GetProperty("healthy").GetBoolean());
        Assert.Equal(1, diagnosis.RootElement.GetProperty("contents").GetProperty("documents").GetInt64());
        Assert.All(diagnosis.RootElement.GetProperty("checks").EnumerateArray(), check => Assert.True(check.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public async Task A_damaged_store_fails_with_the_problem_and_what_to_do()
    {
        using var cli = new CliRun();
        cli.WriteDocument("chunking.md", "# Chunking\n\nChunking splits documents into passages of a few hundred tokens.\n");
        await cli.RunAsync("ingest", cli.DocumentsPath);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(cli.StorePath, "ragp.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE documents SET chunk_count = chunk_count + 1;";
            await command.ExecuteNonQueryAsync();
        }

        var result = await cli.RunAsync("doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAIL", result.Console, StringComparison.Ordinal);
        Assert.Contains("records 2 chunk(s) but has 1", result.Console, StringComparison.Ordinal);
        Assert.Contains("ragp ingest --force", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_store_is_an_error_and_is_not_created()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("doctor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no store at", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.StorePath));
    }
}
