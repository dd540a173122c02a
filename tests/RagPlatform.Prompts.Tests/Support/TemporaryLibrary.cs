namespace RagPlatform.Prompts.Tests.Support;

/// <summary>A copy of the shipped library in a temporary directory, for tests that break it on purpose.</summary>
internal sealed class TemporaryLibrary : IDisposable
{
    public TemporaryLibrary()
    {
        Root = Path.Combine(Path.GetTempPath(), "ragp-prompts-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.GetFiles(ShippedLibrary.Location, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(ShippedLibrary.Location, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; }

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public async Task<PromptLibraryException> LoadExpectingFailureAsync() =>
        await Assert.ThrowsAsync<PromptLibraryException>(() => PromptLibrary.LoadAsync(Root));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
