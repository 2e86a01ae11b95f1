namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>Why a web-hook request got no usable answer.</summary>
internal enum WebHookFailure
{
    /// <summary>An attempt ran out of time (Kratos: 504).</summary>
    Timeout,

    /// <summary>The SSRF guard refused the target; never retried.</summary>
    Refused,

    /// <summary>No connection, or the connection broke.</summary>
    Unreachable,

    /// <summary>Every attempt was answered with 429 or a retryable 5xx.</summary>
    GaveUp,
}
