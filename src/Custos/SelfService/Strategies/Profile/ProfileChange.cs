using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Profile;

/// <summary>
/// Submitted traits applied to a copy of the identity: the copy, the schema's messages by node name when the traits are
/// invalid (empty when valid), and whether the change touches identifiers or addresses (which needs a recent sign-in).
/// </summary>
internal sealed record ProfileChange(Identity.Identity Candidate, IReadOnlyList<(string Node, UiText Message)> Errors, bool TouchesCredentials);
