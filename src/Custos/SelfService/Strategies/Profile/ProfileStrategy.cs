using Custos.Config;
using Custos.Schema;
using Custos.SelfService.Flows.Registration;

namespace Custos.SelfService.Strategies.Profile;

/// <summary>
/// The <c>profile</c> method: the traits. At registration it is profile-first's first step, in settings the traits
/// form (partial files per flow); it stores no credential of its own.
/// </summary>
internal sealed partial class ProfileStrategy(RegistrationIdentities identities, TimeProvider clock, IdentitySchemaProvider schemas, ProfileChanges changes) : IAuthStrategy
{
    public string Method => "profile";

    public int Order => StrategyOrder.Profile;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Profile.Enabled;
}
