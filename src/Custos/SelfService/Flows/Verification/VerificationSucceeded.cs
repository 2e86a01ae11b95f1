using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies.Code;

namespace Custos.SelfService.Flows.Verification;

/// <summary>
/// A strategy redeemed <paramref name="Secret"/>. <paramref name="Answer"/> is how the method answers once the address
/// is verified: the passed flow for a typed code, the return URL for a link opened in a browser.
/// </summary>
internal sealed record VerificationSucceeded(OneTimeSecret Secret, FlowOutcome Answer);
