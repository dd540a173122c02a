namespace RagPlatform.Onnx.Generation;

/// <summary>The chat prompt formats the runtime knows; ragp-model.json names them in lower case.</summary>
internal enum ChatTemplateKind
{
    /// <summary>&lt;|im_start|&gt;role … &lt;|im_end|&gt; (Qwen2).</summary>
    ChatMl,

    /// <summary>&lt;s&gt;[INST] &lt;&lt;SYS&gt;&gt; … [/INST] (Llama 2, Mistral).</summary>
    Llama2,

    /// <summary>&lt;|start_header_id|&gt;role&lt;|end_header_id|&gt; … &lt;|eot_id|&gt; (Llama 3).</summary>
    Llama3,

    /// <summary>&lt;|role|&gt; … &lt;|end|&gt; (Phi-3).</summary>
    Phi3,
}
