using Microsoft.Extensions.Logging;

namespace RagPlatform.Ingestion;

/// <summary>
/// Expands the given paths into files in a deterministic order: each folder's files (ordinal by name), then its
/// subfolders depth-first. Hidden and build folders are skipped and symbolic links to folders are never followed,
/// so link loops cannot make the walk endless.
/// </summary>
internal sealed partial class FileDiscovery(Func<string, bool> isSupported, ILogger logger)
{
    private static readonly HashSet<string> SkippedFolderNames = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    /// <summary>A file to load (<paramref name="Failure"/> null) or a path that could not be expanded.</summary>
    public readonly record struct Found(string SourcePath, string? Failure);

    public IEnumerable<Found> Discover(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var sourcePath = ToSourcePath(path);
            if (File.Exists(path))
            {
                yield return new Found(sourcePath, null);
            }
            else if (Directory.Exists(path))
            {
                foreach (var found in Walk(sourcePath))
                {
                    yield return found;
                }
            }
            else
            {
                yield return new Found(sourcePath, "path not found; check the spelling and that the file or folder exists");
            }
        }
    }

    private IEnumerable<Found> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.TryPop(out var folder))
        {
            var (entries, failure) = List(folder);
            if (failure is not null)
            {
                yield return new Found(folder, failure);
                continue;
            }

            foreach (var file in entries.OfType<FileInfo>().Where(file => !IsHidden(file) && isSupported(file.Extension)).OrderBy(file => file.Name, StringComparer.Ordinal))
            {
                yield return new Found(ToSourcePath(Path.Join(folder, file.Name)), null);
            }

            var subfolders = entries.OfType<DirectoryInfo>().Where(ShouldEnter).OrderByDescending(subfolder => subfolder.Name, StringComparer.Ordinal);
            foreach (var subfolder in subfolders)
            {
                pending.Push(ToSourcePath(Path.Join(folder, subfolder.Name)));
            }
        }
    }

    private static (FileSystemInfo[] Entries, string? Failure) List(string folder)
    {
        try
        {
            return (new DirectoryInfo(folder).GetFileSystemInfos(), null);
        }
        catch (UnauthorizedAccessException)
        {
            return ([], "permission denied: this folder cannot be listed; fix its permissions and retry");
        }
        catch (IOException exception)
        {
            return ([], $"folder could not be listed ({exception.Message})");
        }
    }

    private bool ShouldEnter(DirectoryInfo folder)
    {
        if (IsHidden(folder) || SkippedFolderNames.Contains(folder.Name))
        {
            return false;
        }

        if (folder.LinkTarget is not null)
        {
            LogSkippedLink(logger, folder.FullName, folder.LinkTarget);
            return false;
        }

        return true;
    }

    private static bool IsHidden(FileSystemInfo entry) => entry.Name.StartsWith('.') || entry.Attributes.HasFlag(FileAttributes.Hidden);

    private static string ToSourcePath(string path) => path.Replace(Path.DirectorySeparatorChar, '/');

    [LoggerMessage(Level = LogLevel.Debug, Message = "Not following symbolic link {Folder} -> {Target}")]
    private static partial void LogSkippedLink(ILogger logger, string folder, string target);
}
