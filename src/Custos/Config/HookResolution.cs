namespace Custos.Config;

/// <summary>Kratos's per-method hook rule shared by the login, registration and settings <c>after</c> blocks.</summary>
internal static class HookResolution
{
    /// <summary>
    /// The method-specific list when it is non-empty, otherwise the global list. Kratos never merges the two.
    /// </summary>
    public static IReadOnlyList<HookOptions> Resolve(AfterHooksOptions? method, IReadOnlyList<HookOptions> global) =>
        method is { Hooks.Count: > 0 } ? method.Hooks : global;
}
