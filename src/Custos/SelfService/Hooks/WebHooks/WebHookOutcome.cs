using Custos.Hosting;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>What one web-hook execution tells its flow (contract §7.4).</summary>
internal abstract record WebHookOutcome
{
    private WebHookOutcome()
    {
    }

    /// <summary>Go on: a 2xx/3xx answer, a cancelling template, or a request queued for background delivery (<c>response.ignore</c>).</summary>
    public sealed record Continue : WebHookOutcome
    {
        public static Continue Instance { get; } = new();
    }

    /// <summary>A parsing hook answered ≥ 400 with Kratos's interrupt format: validation messages for the flow.</summary>
    public sealed record Interrupted(IReadOnlyList<WebHookInterrupt> Messages) : WebHookOutcome;

    /// <summary>A parsing hook answered 200 with an <c>identity</c>: the changes to apply.</summary>
    public sealed record Parsed(WebHookIdentityPatch Identity) : WebHookOutcome;

    /// <summary>The flow fails with Kratos's error: 502 for a rejecting answer, 504 for a time-out, 500 otherwise.</summary>
    public sealed record Failed(CustosException Error) : WebHookOutcome;
}
