using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows.Verification;

namespace Custos.SelfService.Hooks;

/// <summary>
/// The part of an execution point that the verification hooks share: the verifier records the verification flows it
/// started, and <c>show_verification_ui</c> turns the first into a <c>continue_with</c> item and a browser redirect.
/// </summary>
internal interface IVerificationHookContext : IHookContext
{
    /// <summary>The request; verification flows are bound to its CSRF cookie.</summary>
    FlowRequest Request { get; }

    /// <summary>The flow's type (<c>browser</c> or <c>api</c>), which the verification flows take over.</summary>
    string FlowType { get; }

    /// <summary>The identity whose addresses are verified.</summary>
    Identity.Identity Identity { get; }

    /// <summary>The <c>return_to</c> of the verification flows started here, or null.</summary>
    string? VerificationReturnTo { get; }

    /// <summary>The verification flows started in this request, in address order.</summary>
    IReadOnlyList<(VerificationFlow Flow, VerifiableAddress Address)> Verifications { get; set; }

    /// <summary>Items the flow's answer adds to <c>continue_with</c>, in order.</summary>
    List<JsonObject> ContinueWith { get; }

    /// <summary>Where a browser (non-JSON) is sent instead of the return URL, or null.</summary>
    string? BrowserRedirect { get; set; }
}
