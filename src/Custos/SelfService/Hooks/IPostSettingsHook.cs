namespace Custos.SelfService.Hooks;

/// <summary>Runs after the changed identity was stored (<c>settings.after[.&lt;method&gt;].hooks</c>, post-persist).</summary>
internal interface IPostSettingsHook : IHook<PostSettingsContext>
{
}
