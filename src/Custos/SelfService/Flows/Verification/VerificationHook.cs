using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Verification;

/// <summary>
/// The verification Kratos runs implicitly after registration (and for <c>require_verified_address</c>) when
/// <c>selfservice.flows.verification.enabled</c> is on: one verification flow per unverified address, its code or link
/// sent right away. <c>show_verification_ui</c> then points the client at the first of these flows.
/// </summary>
internal sealed class VerificationHook(VerificationFlowService verification, FlowFactory factory, ReturnTo.ReturnToValidator returnTo)
{
    private CustosOptions O => factory.Options;

    /// <summary>Starts verification for every address not yet sent a message (status <c>pending</c>); returns the flows created, in address order.</summary>
    public async Task<IReadOnlyList<(VerificationFlow Flow, VerifiableAddress Address)>> StartAsync(
        FlowRequest request, string flowType, Identity.Identity identity, string? returnTo, CancellationToken ct)
    {
        var started = new List<(VerificationFlow, VerifiableAddress)>();
        if (!O.Selfservice.Flows.Verification.Enabled)
        {
            return started;
        }

        if (returnTo is not null && !IsAllowed(returnTo))
        {
            returnTo = null;
        }

        foreach (var address in identity.VerifiableAddresses.Where(a => !a.Verified && a.Status == VerifiableAddressStatus.Pending && a.Via == "email"))
        {
            started.Add((await verification.CreateSentAsync(request, flowType, identity, address, returnTo, ct), address));
        }

        return started;
    }

    /// <summary>
    /// A verification flow, its message sent, for one given address whatever its status (the registration decoy of
    /// enumeration mitigation sends it to the owner of a taken address); the return URL is dropped unless allowed.
    /// </summary>
    public Task<VerificationFlow> StartForAsync(FlowRequest request, string flowType, Identity.Identity identity, VerifiableAddress address, string? returnTo, CancellationToken ct) =>
        verification.CreateSentAsync(request, flowType, identity, address, returnTo is not null && IsAllowed(returnTo) ? returnTo : null, ct);

    /// <summary>
    /// The login <c>verification</c> hook: a verification flow, its message sent, for the first address that is not
    /// verified (whatever its status), as Kratos's verifier does at login; returns it, or nothing when every address
    /// is verified or verification is disabled. Only the first, since a client can be sent to one flow only.
    /// </summary>
    public async Task<IReadOnlyList<(VerificationFlow Flow, VerifiableAddress Address)>> StartFirstAsync(
        FlowRequest request, string flowType, Identity.Identity identity, string? returnTo, CancellationToken ct)
    {
        var address = identity.VerifiableAddresses.FirstOrDefault(a => !a.Verified && a.Value.Length > 0 && a.Via == "email");
        if (!O.Selfservice.Flows.Verification.Enabled || address is null)
        {
            return [];
        }

        returnTo = returnTo is not null && IsAllowed(returnTo) ? returnTo : null;
        return [(await verification.CreateSentAsync(request, flowType, identity, address, returnTo, ct), address)];
    }

    /// <summary>
    /// The <c>after_verification_return_to</c> of a flow's request URL: the <c>return_to</c> of the verification flows
    /// its hooks start.
    /// </summary>
    public static string? AfterVerificationReturnTo(Flow flow) =>
        Uri.TryCreate(flow.RequestUrl, UriKind.Absolute, out var uri) && System.Web.HttpUtility.ParseQueryString(uri.Query)["after_verification_return_to"] is { Length: > 0 } value
            ? value
            : null;

    /// <summary>
    /// <c>require_verified_address</c> on login: null when the identity has a verified address, else the error that
    /// aborts the login, after a code went to its first address. JSON clients get 403 (with Kratos's <c>code</c> 400
    /// in the body) and <c>continue_with</c>; browsers are sent to the verification UI.
    /// </summary>
    public async Task<FlowOutcome?> RequireVerifiedAddressAsync(FlowRequest request, Flow login, Identity.Identity identity, CancellationToken ct)
    {
        if (identity.VerifiableAddresses.Any(a => a.Verified))
        {
            return null;
        }

        var address = identity.VerifiableAddresses.FirstOrDefault()
            ?? throw Hosting.KratosErrors.Misconfiguration("A misconfiguration prevents login. Expected a verifiable address to be present in the identity but none was found. Please check the identity schema.");
        var flow = await verification.CreateSentAsync(request, login.Type, identity, address, login.ReturnTo, ct);
        if (login.IsBrowser && !request.IsJson)
        {
            return new FlowOutcome.Redirect(FlowUrls.Ui(FlowKind.Verification, O, flow.Id));
        }

        var error = new Hosting.CustosException(400, "identity is not verified", "Your account's email or phone address are not verified yet. Please check your email or phone inbox or re-request verification.", "session_verified_address_required")
        {
            Details = new JsonObject { ["continue_with"] = new JsonArray(ContinueWith(flow, address, alwaysUrl: true)) },
        };
        // Kratos sends this 400 error with HTTP 403.
        return new FlowOutcome.Error(error, StatusCodes.Status403Forbidden);
    }

    private bool IsAllowed(string url)
    {
        try
        {
            returnTo.Validate(url);
            return true;
        }
        catch (Hosting.CustosException)
        {
            return false;
        }
    }

    /// <summary>
    /// The <c>show_verification_ui</c> item of <c>continue_with</c>. As in Kratos, <c>url</c> is only set for a browser
    /// flow (a native app has no browser to send there), unless <paramref name="alwaysUrl"/> (<c>require_verified_address</c>
    /// names it for every client).
    /// </summary>
    public JsonObject ContinueWith(VerificationFlow flow, VerifiableAddress address, bool alwaysUrl = false)
    {
        var item = new JsonObject { ["id"] = flow.Id.ToString("D"), ["verifiable_address"] = address.Value };
        if (alwaysUrl || flow.IsBrowser)
        {
            item["url"] = FlowUrls.Ui(FlowKind.Verification, O, flow.Id);
        }

        return new JsonObject { ["action"] = "show_verification_ui", ["flow"] = item };
    }
}
