using System.Text;
using RagPlatform.Core.Answers;
using RagPlatform.Web.Data;

namespace RagPlatform.Web.Chat;

/// <summary>One question and its answer as the chat shows it, including while the answer is still arriving.</summary>
public sealed class ChatTurn
{
    private readonly StringBuilder _text = new();

    /// <param name="settings">The conversation's settings the question is asked with; saved with the exchange.</param>
    public ChatTurn(string question, DateTimeOffset askedAt, ConversationSettings? settings = null)
    {
        Question = question;
        AskedAt = askedAt;
        Settings = settings;
    }

    public string Question { get; }

    public DateTimeOffset AskedAt { get; }

    public ConversationSettings? Settings { get; }

    /// <summary>Questions to ask next; they arrive after the answer, and are not saved.</summary>
    public IReadOnlyList<string> FollowUps { get; private set; } = [];

    public string Text => _text.ToString();

    /// <summary>The finished answer with its citations and context; null while streaming or when it did not complete.</summary>
    public GroundedAnswer? Answer { get; private set; }

    /// <summary>Null while the answer is streaming.</summary>
    public ExchangeStatus? Status { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Position in the saved conversation; null until saved.</summary>
    public int? Position { get; set; }

    public bool IsStreaming => Status is null;

    public bool Abstained => Answer?.Abstained == true;

    public IReadOnlyList<Citation> Citations => Answer?.Citations ?? [];

    public void Append(string delta) => _text.Append(delta);

    public void Complete(GroundedAnswer answer)
    {
        Answer = answer;
        _text.Clear().Append(answer.Text);
        Status = ExchangeStatus.Completed;
    }

    public void SuggestFollowUps(IReadOnlyList<string> questions) => FollowUps = questions;

    public void Stop() => Status = ExchangeStatus.Stopped;

    public void Fail(string error)
    {
        Error = error;
        Status = ExchangeStatus.Failed;
    }

    /// <summary>The turn as saved; only a finished turn can be saved.</summary>
    public ChatExchange ToExchange() =>
        new(Question, Text, Answer, Status ?? throw new InvalidOperationException("A turn cannot be saved while its answer is streaming."), Error, AskedAt, Settings);

    public static ChatTurn FromExchange(ChatExchange exchange, int position)
    {
        var turn = new ChatTurn(exchange.Question, exchange.AskedAt, exchange.Settings) { Position = position, Error = exchange.Error, Status = exchange.Status };
        turn._text.Append(exchange.AnswerText);
        turn.Answer = exchange.Answer;
        return turn;
    }
}
