using Custos.Hosting;
using Custos.Identity;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Stores the identity a settings strategy changed (new traits, a new password, ...).</summary>
internal sealed class SettingsUpdater(IPrivilegedIdentityPool pool, TimeProvider clock)
{
    /// <summary>Writes the changed identity; an identifier another identity has throws <see cref="IdentityConflictException"/>.</summary>
    public Task SaveAsync(Identity.Identity identity, CancellationToken ct)
    {
        identity.UpdatedAt = Clock.Now(clock);
        return pool.UpdateAsync(identity, ct);
    }
}
