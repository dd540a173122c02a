using System.Text.RegularExpressions;

namespace RagPlatform.Evaluation.Hallucination;

public enum AbstentionOutcome
{
    /// <summary>Answerable and answered.</summary>
    Answered,

    /// <summary>Unanswerable and the system abstained.</summary>
    CorrectAbstention,

    /// <summary>Answerable but the system abstained.</summary>
    FalseAbstention,

    /// <summary>Unanswerable but the system answered anyway.</summary>
    MissedAbstention,
}

public static partial class Abstention
{
    public static AbstentionOutcome Classify(bool answerable, bool abstained) => (answerable, abstained) switch
    {
        (true, false) => AbstentionOutcome.Answered,
        (false, true) => AbstentionOutcome.CorrectAbstention,
        (true, true) => AbstentionOutcome.FalseAbstention,
        (false, false) => AbstentionOutcome.MissedAbstention,
    };

    public static bool IsCorrectDecision(AbstentionOutcome outcome) =>
        outcome is AbstentionOutcome.Answered or AbstentionOutcome.CorrectAbstention;

    /// <summary>
    /// Recognises the usual English and Indonesian "the documents do not say" replies. Only for raw chat responses
    /// that carry no abstention flag; <see cref="RagPlatform.Core.Answers.GroundedAnswer.Abstained"/> is authoritative.
    /// </summary>
    public static bool LooksLikeAbstention(string response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return AbstentionPhrase().IsMatch(response);
    }

    [GeneratedRegex(
        @"\b(i (do not|don't) know|(cannot|can't|could not|couldn't|unable to) (find|answer|determine)|no (relevant )?information|not (mentioned|found|covered|stated) in the (documents?|context|sources?)|(the )?(documents?|context|sources?) (do|does) not (contain|say|mention)|tidak (dapat|bisa) (menemukan|menjawab)|tidak (ada|ditemukan) informasi|informasi(nya)? tidak (ditemukan|tersedia)|tidak (disebutkan|dijelaskan|terdapat|ditemukan|tersedia) (di|dalam) (dokumen|konteks|sumber)|saya tidak tahu)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbstentionPhrase();
}
