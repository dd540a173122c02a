using System.Text.Json.Nodes;

namespace RagPlatform.Storage.Qdrant.Tests.Support;

internal static class JsonAssert
{
    /// <summary>Same JSON values (object member order aside); the failure shows both documents.</summary>
    public static void Equal(string expectedJson, string actualJson)
    {
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(actualJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }
}
