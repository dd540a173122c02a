namespace RagPlatform.Core.Text;

/// <summary>A range of characters in a string: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Exclusive end offset.</summary>
    public int End => Start + Length;
}
