using System.CommandLine;

namespace RagPlatform.Cli;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    private const string QdrantPrefix = "qdrant=";

    public static readonly Option<string?> Store = new("--store")
    {
        Description = "Directory of the embedded store (default ./.ragp/), or qdrant=<url> to use a Qdrant server (Store:Path / Store:Provider)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write machine-readable JSON to standard output instead of formatted text",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log diagnostic details to standard error",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Store);
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }

    /// <summary>Command-line settings that override appsettings.json and the environment.</summary>
    public static Dictionary<string, string?> ToConfiguration(ParseResult parseResult)
    {
        var settings = new Dictionary<string, string?>();
        if (parseResult.GetValue(Store) is { Length: > 0 } store)
        {
            if (store.StartsWith(QdrantPrefix, StringComparison.OrdinalIgnoreCase))
            {
                settings["Store:Provider"] = "qdrant";
                settings["Store:Qdrant:Endpoint"] = store[QdrantPrefix.Length..];
            }
            else
            {
                settings["Store:Path"] = store;
            }
        }

        return settings;
    }
}
