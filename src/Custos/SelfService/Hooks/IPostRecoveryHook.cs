namespace Custos.SelfService.Hooks;

/// <summary>Runs after a recovery code or link signed the person in (<c>recovery.after.hooks</c>).</summary>
internal interface IPostRecoveryHook : IHook<PostRecoveryContext>
{
}
