using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>session.whoami.tokenizer</c>.</summary>
internal sealed class TokenizerOptions
{
    /// <summary><c>session.whoami.tokenizer.templates.&lt;name&gt;</c>: named token templates.</summary>
    [ConfigurationKeyName("templates")]
    public Dictionary<string, TokenizerTemplateOptions> Templates { get; set; } = [];
}
