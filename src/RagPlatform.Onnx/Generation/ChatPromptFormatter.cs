using System.Text;
using Microsoft.Extensions.AI;

namespace RagPlatform.Onnx.Generation;

/// <summary>
/// Writes a conversation in a model's chat format, ending with the opening of the assistant's turn. The output
/// carries every special token itself (including BOS where the format wants it), so it is encoded without adding any.
/// </summary>
internal sealed class ChatPromptFormatter
{
    private readonly ChatTemplateKind _kind;
    private readonly string _bosToken;
    private readonly string _eosToken;

    /// <param name="bosToken">The tokenizer's BOS text (&lt;s&gt;, &lt;|begin_of_text|&gt;); empty if it has none.</param>
    /// <param name="eosToken">The tokenizer's EOS text, closing earlier assistant turns in the Llama 2 format.</param>
    public ChatPromptFormatter(ChatTemplateKind kind, string? bosToken, string? eosToken)
    {
        _kind = kind;
        _bosToken = bosToken ?? "";
        _eosToken = eosToken ?? "";
    }

    public ChatTemplateKind Kind => _kind;

    /// <summary>The token that closes a turn in this format; generation stops on it.</summary>
    public string? EndOfTurnToken => _kind switch
    {
        ChatTemplateKind.ChatMl => "<|im_end|>",
        ChatTemplateKind.Llama3 => "<|eot_id|>",
        ChatTemplateKind.Phi3 => "<|end|>",
        _ => null,
    };

    /// <summary>Guesses the format from a Hugging Face Jinja chat template by the markers it writes.</summary>
    public static ChatTemplateKind? Detect(string? jinjaTemplate) => jinjaTemplate switch
    {
        null => null,
        _ when jinjaTemplate.Contains("<|im_start|>", StringComparison.Ordinal) => ChatTemplateKind.ChatMl,
        _ when jinjaTemplate.Contains("<|start_header_id|>", StringComparison.Ordinal) => ChatTemplateKind.Llama3,
        _ when jinjaTemplate.Contains("<|assistant|>", StringComparison.Ordinal) => ChatTemplateKind.Phi3,
        _ when jinjaTemplate.Contains("[INST]", StringComparison.Ordinal) => ChatTemplateKind.Llama2,
        _ => null,
    };

    /// <param name="instructions">ChatOptions.Instructions; joins the system messages, before them.</param>
    public string Format(IEnumerable<ChatMessage> messages, string? instructions = null)
    {
        var conversation = messages.ToList();
        var systemParts = conversation.Where(m => m.Role == ChatRole.System).Select(m => m.Text).Prepend(instructions)
            .Where(text => !string.IsNullOrWhiteSpace(text));
        var system = string.Join("\n\n", systemParts);
        var turns = conversation.Where(m => m.Role != ChatRole.System).ToList();

        var prompt = new StringBuilder();
        switch (_kind)
        {
            case ChatTemplateKind.ChatMl:
                WriteChatMl(prompt, system, turns);
                break;
            case ChatTemplateKind.Llama2:
                WriteLlama2(prompt, system, turns);
                break;
            case ChatTemplateKind.Llama3:
                WriteLlama3(prompt, system, turns);
                break;
            case ChatTemplateKind.Phi3:
                WritePhi3(prompt, system, turns);
                break;
        }

        return prompt.ToString();
    }

    private static void WriteChatMl(StringBuilder prompt, string system, List<ChatMessage> turns)
    {
        if (system.Length > 0)
        {
            prompt.Append("<|im_start|>system\n").Append(system).Append("<|im_end|>\n");
        }

        foreach (var turn in turns)
        {
            prompt.Append("<|im_start|>").Append(turn.Role.Value).Append('\n').Append(turn.Text).Append("<|im_end|>\n");
        }

        prompt.Append("<|im_start|>assistant\n");
    }

    private void WriteLlama2(StringBuilder prompt, string system, List<ChatMessage> turns)
    {
        var pendingSystem = system.Length > 0 ? $"<<SYS>>\n{system}\n<</SYS>>\n\n" : "";
        foreach (var turn in turns)
        {
            if (turn.Role == ChatRole.Assistant)
            {
                prompt.Append(' ').Append(turn.Text.Trim()).Append(' ').Append(_eosToken);
                continue;
            }

            prompt.Append(_bosToken).Append("[INST] ").Append(pendingSystem).Append(turn.Text.Trim()).Append(" [/INST]");
            pendingSystem = "";
        }
    }

    private void WriteLlama3(StringBuilder prompt, string system, List<ChatMessage> turns)
    {
        prompt.Append(_bosToken);
        if (system.Length > 0)
        {
            AppendLlama3Turn(prompt, "system", system);
        }

        foreach (var turn in turns)
        {
            AppendLlama3Turn(prompt, turn.Role.Value, turn.Text);
        }

        prompt.Append("<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    private static void AppendLlama3Turn(StringBuilder prompt, string role, string text) =>
        prompt.Append("<|start_header_id|>").Append(role).Append("<|end_header_id|>\n\n").Append(text.Trim()).Append("<|eot_id|>");

    private static void WritePhi3(StringBuilder prompt, string system, List<ChatMessage> turns)
    {
        if (system.Length > 0)
        {
            prompt.Append("<|system|>\n").Append(system).Append("<|end|>\n");
        }

        foreach (var turn in turns)
        {
            var role = turn.Role == ChatRole.Assistant ? "assistant" : "user";
            prompt.Append("<|").Append(role).Append("|>\n").Append(turn.Text).Append("<|end|>\n");
        }

        prompt.Append("<|assistant|>\n");
    }
}
