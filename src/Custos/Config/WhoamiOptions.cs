using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>session.whoami</c>.</summary>
internal sealed class WhoamiOptions
{
    /// <summary><c>session.whoami.required_aal</c>: <c>highest_available</c> (default) or <c>aal1</c>.</summary>
    [ConfigurationKeyName("required_aal")]
    public RequiredAal RequiredAal { get; set; } = RequiredAal.HighestAvailable;

    /// <summary><c>session.whoami.tokenizer</c>: session-to-JWT templates.</summary>
    [ConfigurationKeyName("tokenizer")]
    public TokenizerOptions Tokenizer { get; set; } = new();
}
