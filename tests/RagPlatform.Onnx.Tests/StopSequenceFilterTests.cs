using System.Text;
using RagPlatform.Onnx.Generation;

namespace RagPlatform.Onnx.Tests;

public sealed class StopSequenceFilterTests
{
    [Theory]
    [InlineData(new[] { "Hello wor", "ld. END", " more" }, "END", "Hello world. ")]
    [InlineData(new[] { "a", "a", "a", "b", "c" }, "aab", "a")]
    [InlineData(new[] { "x<", "|e", "nd|>y" }, "<|end|>", "x")]
    [InlineData(new[] { "no stop ", "here <", "|en" }, "<|end|>", "no stop here <|en")]
    [InlineData(new[] { "STOPPED" }, "STOP", "")]
    public void Emits_exactly_the_text_before_the_stop(string[] pieces, string stop, string expected)
    {
        var filter = new StopSequenceFilter([stop]);
        var emitted = new StringBuilder();
        foreach (var piece in pieces)
        {
            var text = filter.Push(piece);
            Assert.DoesNotContain(stop, emitted + text, StringComparison.Ordinal);
            emitted.Append(text);
        }

        emitted.Append(filter.Flush());
        Assert.Equal(expected, emitted.ToString());
    }

    [Fact]
    public void Holds_back_only_a_possible_stop_prefix()
    {
        var filter = new StopSequenceFilter(["\n\nUser:"]);

        Assert.Equal("Answer", filter.Push("Answer\n\nUs"));
        Assert.Equal("\n\nUsing it", filter.Push("ing it"));
        Assert.False(filter.Stopped);
    }

    [Fact]
    public void The_earliest_of_several_stops_wins()
    {
        var filter = new StopSequenceFilter(["world", "lo w"]);

        Assert.Equal("hel", filter.Push("hello world"));
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Push("more"));
    }
}
