namespace Custos.SelfService.Hooks;

/// <summary>When a hook list runs relative to its flow.</summary>
internal enum HookPhase
{
    /// <summary><c>&lt;flow&gt;.before.hooks</c>: at flow creation, before the flow is stored.</summary>
    Before,

    /// <summary>
    /// Registration and settings only: the parse-mode web hooks of <c>after.&lt;method&gt;.hooks</c>, which run before the
    /// identity is saved so their answer can change it.
    /// </summary>
    PrePersist,

    /// <summary><c>&lt;flow&gt;.after[.&lt;method&gt;].hooks</c>: once the flow succeeded (post-persist for registration and settings).</summary>
    After,
}
