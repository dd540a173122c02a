namespace RagPlatform.Prompts.Loading;

/// <summary>The YAML shape of prompts/components/&lt;kind&gt;/&lt;name&gt;.yaml.</summary>
internal sealed class ComponentDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string?>? Text { get; set; }

    public bool RequiresCitations { get; set; }
}

/// <summary>The YAML shape of prompts/defaults.yaml.</summary>
internal sealed class DefaultsDocument
{
    public string? Persona { get; set; }

    public List<string>? Requirements { get; set; }

    public string? Organization { get; set; }

    public string? Medium { get; set; }

    public string? Purpose { get; set; }

    public string? Tone { get; set; }
}
