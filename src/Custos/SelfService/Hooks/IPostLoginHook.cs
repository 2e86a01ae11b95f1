namespace Custos.SelfService.Hooks;

/// <summary>Runs after a login was accepted, before its session is stored; may abort the login (<c>login.after[.&lt;method&gt;].hooks</c>).</summary>
internal interface IPostLoginHook : IHook<PostLoginContext>
{
}
