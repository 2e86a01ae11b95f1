using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Microsoft.Extensions.Options;

namespace Custos.Sessions.Assurance;

/// <summary>
/// <c>code</c>: with <c>selfservice.methods.code.passwordless_enabled</c> every identity has a first factor (a code can be
/// sent to any of its addresses), credential or not. With <c>mfa_enabled</c>, each non-empty address of the
/// credential (<c>config.addresses[].address</c>) is a second factor; a legacy v0 config counts once when its
/// <c>address_type</c> is set. Counting the code credential here is the fix of GHSA-wc43-73w7-x2f5.
/// </summary>
internal sealed class CodeAalContributor(IOptionsMonitor<CustosOptions> options) : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.Code;

    public FactorCount Count(Credentials? credential)
    {
        var code = options.CurrentValue.Selfservice.Methods.Code;
        var first = code.PasswordlessEnabled ? 1 : 0;
        if (!code.MfaEnabled || credential is null)
        {
            return new FactorCount(first, 0);
        }

        if (credential.Config.TryGetPropertyValue("address_type", out var addressType))
        {
            return new FactorCount(first, addressType is null || addressType.ToString().Length == 0 ? 0 : 1);
        }

        var addresses = CredentialConfig.Array(credential.Config, "addresses") ?? [];
        var multi = addresses.OfType<JsonObject>().Count(a => !string.IsNullOrEmpty(CredentialConfig.String(a, "address")));
        return new FactorCount(first, multi);
    }
}
