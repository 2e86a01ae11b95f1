namespace Custos.SelfService.Hooks;

/// <summary>Runs after the new identity was stored (<c>registration.after[.&lt;method&gt;].hooks</c>, post-persist).</summary>
internal interface IPostRegistrationHook : IHook<PostRegistrationContext>
{
}
