namespace RagPlatform.Cli.Rendering;

/// <summary>Shows stored absolute paths relative to the working directory when they lie below it.</summary>
internal static class DisplayPath
{
    public static string For(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
