using Microsoft.Extensions.AI;
using RagPlatform.Onnx.Generation;

namespace RagPlatform.Onnx.Tests;

public sealed class ChatPromptFormatterTests
{
    private static readonly ChatMessage[] Conversation =
    [
        new(ChatRole.System, "Be brief."),
        new(ChatRole.User, "Hi"),
        new(ChatRole.Assistant, "Hello!"),
        new(ChatRole.User, "What is RAG?"),
    ];

    [Fact]
    public void ChatMl_writes_im_start_turns_and_opens_the_assistant_turn()
    {
        var prompt = new ChatPromptFormatter(ChatTemplateKind.ChatMl, null, "<|endoftext|>").Format(Conversation);

        Assert.Equal(
            "<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n" +
            "<|im_start|>user\nWhat is RAG?<|im_end|>\n<|im_start|>assistant\n",
            prompt);
    }

    [Fact]
    public void Llama2_puts_the_system_prompt_in_the_first_instruction_and_closes_answers_with_eos()
    {
        var prompt = new ChatPromptFormatter(ChatTemplateKind.Llama2, "<s>", "</s>").Format(Conversation);

        Assert.Equal("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello! </s><s>[INST] What is RAG? [/INST]", prompt);
    }

    [Fact]
    public void Llama3_writes_header_turns_after_begin_of_text()
    {
        var prompt = new ChatPromptFormatter(ChatTemplateKind.Llama3, "<|begin_of_text|>", "<|end_of_text|>").Format(Conversation[..2]);

        Assert.Equal(
            "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>" +
            "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n",
            prompt);
    }

    [Fact]
    public void Phi3_writes_role_tags_and_end_markers()
    {
        var prompt = new ChatPromptFormatter(ChatTemplateKind.Phi3, "<s>", "<|endoftext|>").Format(Conversation[..2]);

        Assert.Equal("<|system|>\nBe brief.<|end|>\n<|user|>\nHi<|end|>\n<|assistant|>\n", prompt);
    }

    [Fact]
    public void Instructions_come_before_system_messages()
    {
        var prompt = new ChatPromptFormatter(ChatTemplateKind.ChatMl, null, null).Format(Conversation[..2], "Answer in French.");

        Assert.StartsWith("<|im_start|>system\nAnswer in French.\n\nBe brief.<|im_end|>\n", prompt);
    }

    [Theory]
    [InlineData("{% for m in messages %}<|im_start|>{{ m.role }}{% endfor %}", "ChatMl")]
    [InlineData("{{ bos_token }}<|start_header_id|>{{ role }}<|end_header_id|>", "Llama3")]
    [InlineData("{{'<|user|>\n' + message['content'] + '<|end|>\n'}}{{ '<|assistant|>\n' }}", "Phi3")]
    [InlineData("{{ bos_token + '[INST] ' + content + ' [/INST]' }}", "Llama2")]
    [InlineData("{{ messages }}", null)]
    public void Detects_the_format_of_a_jinja_template(string template, string? expected)
    {
        Assert.Equal(expected, ChatPromptFormatter.Detect(template)?.ToString());
    }

    [Theory]
    [InlineData("ChatMl", "<|im_end|>")]
    [InlineData("Llama3", "<|eot_id|>")]
    [InlineData("Phi3", "<|end|>")]
    [InlineData("Llama2", null)]
    public void Knows_the_end_of_turn_token(string kind, string? expected)
    {
        Assert.Equal(expected, new ChatPromptFormatter(Enum.Parse<ChatTemplateKind>(kind), null, null).EndOfTurnToken);
    }
}
