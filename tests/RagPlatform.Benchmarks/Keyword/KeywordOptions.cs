using System.Globalization;

namespace RagPlatform.Benchmarks.Keyword;

/// <summary>The keyword command's arguments: <c>[--beir &lt;dir&gt;] [--documents N]</c>.</summary>
/// <param name="BeirDirectory">A BEIR dataset of the user's, or null to generate one.</param>
/// <param name="Documents">Size of the generated corpus.</param>
internal sealed record KeywordOptions(string? BeirDirectory, int Documents)
{
    public const int DefaultDocuments = 30_000;
    public const string Usage = "[--beir <dir>] [--documents N]";

    private const string BeirOption = "--beir";
    private const string DocumentsOption = "--documents";

    /// <exception cref="ArgumentException">An unknown option, a missing value or a bad number, with what to do.</exception>
    public static KeywordOptions Parse(IReadOnlyList<string> arguments)
    {
        string? beir = null;
        int? documents = null;
        for (var i = 0; i < arguments.Count; i += 2)
        {
            var option = arguments[i];
            if (i + 1 >= arguments.Count)
            {
                throw new ArgumentException($"{option} needs a value. Usage: keyword {Usage}");
            }

            var value = arguments[i + 1];
            switch (option)
            {
                case BeirOption:
                    beir = value;
                    break;
                case DocumentsOption when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= SyntheticBeir.MinimumDocuments:
                    documents = count;
                    break;
                case DocumentsOption:
                    throw new ArgumentException($"{DocumentsOption} must be a whole number of at least {SyntheticBeir.MinimumDocuments} (got '{value}').");
                default:
                    throw new ArgumentException($"Unknown option '{option}'. Usage: keyword {Usage}");
            }
        }

        if (beir is not null && documents is not null)
        {
            throw new ArgumentException($"{DocumentsOption} sizes the generated corpus and cannot be combined with {BeirOption}, which uses yours as it is.");
        }

        return new KeywordOptions(beir, documents ?? DefaultDocuments);
    }
}
