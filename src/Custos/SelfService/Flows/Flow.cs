using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows;

/// <summary>
/// What every persisted self-service flow has. Kind-specific fields live in the subclasses and are stored in the
/// row's <c>internal_context</c> JSON; the CSRF token is stored but never serialised.
/// </summary>
internal abstract class Flow
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    public DateTime IssuedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public required string RequestUrl { get; set; }
    public string? Active { get; set; }
    public required UiContainer Ui { get; set; }
    public string State { get; set; } = "choose_method";
    public string CsrfToken { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The strategies' part of the server-side internal context, under Kratos's keys (<c>totp_url</c>,
    /// <c>lookup_secret_regenerated</c>, ...): stored with the flow, never serialised, so per-flow secrets stay bound
    /// to the flow id.
    /// </summary>
    public JsonObject StrategyContext { get; set; } = [];

    /// <summary>The submitted transient payload: echoed in responses and hooks, never stored.</summary>
    public JsonObject? TransientPayload { get; set; }

    public abstract FlowKind Kind { get; }

    public bool IsBrowser => Type == FlowTypes.Browser;

    public bool IsExpired(DateTime now) => ExpiresAt <= now;

    /// <summary><c>return_to</c>: taken from the <c>return_to</c> query parameter of <see cref="RequestUrl"/>.</summary>
    public string? ReturnTo
    {
        get
        {
            if (!Uri.TryCreate(RequestUrl, UriKind.Absolute, out var uri))
            {
                return null;
            }

            var value = System.Web.HttpUtility.ParseQueryString(uri.Query)["return_to"];
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }

    /// <summary>Writes the kind-specific fields into the stored context.</summary>
    public virtual void WriteContext(JsonObject context)
    {
    }

    /// <summary>Reads the kind-specific fields from the stored context.</summary>
    public virtual void ReadContext(JsonObject context)
    {
    }

    /// <summary>The wire JSON, in Kratos's field order for the kind.</summary>
    public abstract JsonObject ToJson();

    protected void AddCommon(JsonObject o)
    {
        o["type"] = Type;
        o["expires_at"] = KratosTime.Format(ExpiresAt);
        o["issued_at"] = KratosTime.Format(IssuedAt);
        o["request_url"] = RequestUrl;
        if (ReturnTo is { } returnTo)
        {
            o["return_to"] = returnTo;
        }

        if (Active is not null)
        {
            o["active"] = Active;
        }

        o["ui"] = Ui.ToJson();
    }

    protected void AddTransientPayload(JsonObject o)
    {
        if (TransientPayload is { Count: > 0 })
        {
            o["transient_payload"] = TransientPayload.DeepClone();
        }
    }
}
