using Custos.Config;

namespace Custos.SelfService.Hooks;

/// <summary>
/// One step of a resolved hook plan: the hook and its <c>hooks[]</c> entry, or no entry for the verification hook that
/// Kratos adds on its own when verification is enabled.
/// </summary>
internal sealed record PlannedHook(HookKind Kind, HookOptions? Entry)
{
    /// <summary>True for the verification hook added without a configuration entry.</summary>
    public bool IsImplicit => Entry is null;
}
