using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.&lt;flow&gt;.before</c>: hooks run when a flow is created.</summary>
internal sealed class BeforeHooksOptions
{
    /// <summary><c>selfservice.flows.&lt;flow&gt;.before.hooks</c>, in execution order.</summary>
    [ConfigurationKeyName("hooks")]
    public List<HookOptions> Hooks { get; set; } = [];
}
