using Custos.Sessions;

namespace Custos.SelfService.Flows.Login;

/// <summary>A strategy accepted the credentials of <paramref name="Identity"/>; <paramref name="Method"/> is the session's new entry.</summary>
internal sealed record LoginSucceeded(Identity.Identity Identity, AuthenticationMethod Method);
