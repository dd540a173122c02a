using System.Text;
using System.Text.Json;
using RagPlatform.Onnx.TestModels;

namespace RagPlatform.Cli.Tests;

public sealed class CliModelsTests
{
    [Fact]
    public async Task Verify_reports_an_encoder_folder_as_a_table()
    {
        using var cli = new CliRun();
        var folder = Path.Combine(cli.Root, "encoder");
        var spec = new EncoderSpec(VocabSize: 500, HiddenSize: 32, Layers: 1, Heads: 2, IntermediateSize: 64);
        TestModelFactory.WriteEncoderFolder(folder, spec);

        var result = await cli.RunAsync("models", "verify", folder);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("embedding", result.Console, StringComparison.Ordinal);
        Assert.Contains("WordPiece", result.Console, StringComparison.Ordinal);
        Assert.Contains("32 / 500", result.Console, StringComparison.Ordinal);
        Assert.Contains("CPU", result.Console, StringComparison.Ordinal);
        Assert.Contains("Tokens/s", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_decoder_folder_as_json()
    {
        using var cli = new CliRun();
        var folder = Path.Combine(cli.Root, "decoder");
        var spec = new DecoderSpec(VocabSize: 320, HiddenSize: 32, Layers: 1, Heads: 2, KvHeads: 1, IntermediateSize: 64, MaxPositions: 128);
        TestModelFactory.WriteDecoderFolder(folder, spec, TestTokenizerKind.ByteLevelBpe);

        var result = await cli.RunAsync("models", "verify", folder, "--provider", "auto", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var verification = json.RootElement;
        Assert.Equal("generation", verification.GetProperty("task").GetString());
        Assert.Equal("ByteLevelBpe", verification.GetProperty("tokenizer").GetString());
        Assert.Equal(320, verification.GetProperty("vocabularySize").GetInt32());
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("dimensions").ValueKind);
        Assert.InRange(verification.GetProperty("probeTokens").GetInt32(), 1, 16);
        Assert.True(verification.GetProperty("tokensPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task Verify_of_a_folder_without_a_model_fails_with_the_missing_file()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("models", "verify", cli.DocumentsPath);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("config.json not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_downloads_the_matching_files_from_the_configured_hub_with_the_token()
    {
        using var cli = new CliRun();
        var files = new Dictionary<string, byte[]>
        {
            ["config.json"] = Encoding.UTF8.GetBytes("{\"model_type\":\"bert\"}"),
            ["onnx/model.onnx"] = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray(),
            ["README.md"] = Encoding.UTF8.GetBytes("# Tiny model\n"),
        };
        using var hub = new FakeHub("owner/tiny-model", "v1", files);
        var target = Path.Combine(cli.Root, "pulled");

        var result = await cli.RunAsync(
            "models", "pull", "owner/tiny-model", "--revision", "v1", "--files", "*.json", "onnx/*",
            "--to", target, "--endpoint", hub.Endpoint, "--token", "secret-token");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(files["config.json"], File.ReadAllBytes(Path.Combine(target, "config.json")));
        Assert.Equal(files["onnx/model.onnx"], File.ReadAllBytes(Path.Combine(target, "onnx", "model.onnx")));
        Assert.False(File.Exists(Path.Combine(target, "README.md")));
        Assert.Contains("onnx/model.onnx", result.Console, StringComparison.Ordinal);
        Assert.Contains("Downloaded 2 files of owner/tiny-model@v1", result.Console, StringComparison.Ordinal);
        Assert.All(hub.Authorizations, header => Assert.Equal("Bearer secret-token", header));
        Assert.DoesNotContain(hub.RequestedPaths, path => path.EndsWith("README.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pull_of_an_unknown_repository_fails_and_says_why()
    {
        using var cli = new CliRun();
        using var hub = new FakeHub("owner/tiny-model", "main", new Dictionary<string, byte[]> { ["config.json"] = [(byte)'{', (byte)'}'] });

        var result = await cli.RunAsync("models", "pull", "owner/other-model", "--to", Path.Combine(cli.Root, "pulled"), "--endpoint", hub.Endpoint, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("owner/other-model@main", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_rejects_a_malformed_repo_id_with_exit_2()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("models", "pull", "not-a-repo-id", "--endpoint", "http://127.0.0.1:9/");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("owner/name", result.Error, StringComparison.Ordinal);
    }
}
