using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.registration.after</c>: global hooks plus per-method overrides.</summary>
internal sealed class RegistrationAfterOptions : MethodAfterOptions
{
    /// <summary><c>selfservice.flows.registration.after.code</c>.</summary>
    [ConfigurationKeyName("code")]
    public AfterHooksOptions Code { get; set; } = new();

    protected override AfterHooksOptions? FlowMethod(string method) => method == "code" ? Code : null;
}
