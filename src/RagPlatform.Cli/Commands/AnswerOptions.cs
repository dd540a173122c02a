using System.CommandLine;
using RagPlatform.Rag.Answering;

namespace RagPlatform.Cli.Commands;

/// <summary>Options shared by the commands that answer questions (ask, chat).</summary>
internal static class AnswerOptions
{
    public static readonly Option<int?> TopK = new("--top-k", "-k")
    {
        Description = "How many passages to retrieve per question (default Retrieval:TopK = 5)",
    };

    public static readonly Option<AnsweringModeSetting?> Mode = new("--mode")
    {
        Description = "auto (generate when a generator model is configured), extractive (quote sources only) or generative",
    };

    public static IReadOnlyDictionary<string, string?> ToConfiguration(ParseResult parseResult)
    {
        var settings = new Dictionary<string, string?>();
        if (parseResult.GetValue(Mode) is { } mode)
        {
            settings[$"{AnsweringOptions.SectionName}:{nameof(AnsweringOptions.Mode)}"] = mode.ToString();
        }

        if (parseResult.GetValue(TopK) is { } topK)
        {
            if (topK is < 1 or > 100)
            {
                throw new ArgumentException($"--top-k must be between 1 and 100 (got {topK}).");
            }

            settings["Retrieval:TopK"] = topK.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
