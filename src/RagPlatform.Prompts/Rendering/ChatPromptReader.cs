using System.Web;
using System.Xml;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace RagPlatform.Prompts.Rendering;

/// <summary>
/// Splits a rendered chat prompt (&lt;message role="…"&gt; elements) into messages exactly as Semantic Kernel does
/// when it sends a prompt function to a chat model, whose parser is internal. Keeping the two identical means a
/// composed prompt and the same template invoked through the kernel reach the model the same way.
/// </summary>
internal static class ChatPromptReader
{
    public static IReadOnlyList<ChatMessageContent> Read(string renderedPrompt, string templateName)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            document.LoadXml($"<root>{renderedPrompt}</root>");
        }
        catch (XmlException exception)
        {
            throw new PromptLibraryException(
                $"Template '{templateName}' did not render to a valid chat prompt: {exception.Message} " +
                "Check its skprompt.txt for a '<' or '&' in plain text (write them as &lt; and &amp;) or a tag that is not closed.");
        }

        var messages = document.DocumentElement!.ChildNodes
            .OfType<XmlElement>()
            .Where(element => element.Name.Equals("message", StringComparison.OrdinalIgnoreCase) && element.HasAttribute("role"))
            .Select(element => new ChatMessageContent(
                new AuthorRole(element.GetAttribute("role")),
                HttpUtility.HtmlDecode(element.InnerXml.Trim())))
            .ToList();
        return messages.Count > 0
            ? messages
            : throw new PromptLibraryException($"Template '{templateName}' has no <message role=\"…\"> elements, so it is not a chat prompt.");
    }
}
