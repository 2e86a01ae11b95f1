using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.Hosting;

/// <summary>Writes Kratos's error envelope. <c>message</c> is always present; empty fields are omitted; no debug data.</summary>
internal static class ErrorEnvelope
{
    public static JsonObject Build(CustosException e, string? requestId)
    {
        var error = new JsonObject();
        if (!string.IsNullOrEmpty(e.Id))
        {
            error["id"] = e.Id;
        }

        error["code"] = e.Code;
        error["status"] = ReasonPhrases.GetReasonPhrase(e.Code);
        if (!string.IsNullOrEmpty(requestId))
        {
            error["request"] = requestId;
        }

        if (!string.IsNullOrEmpty(e.Reason))
        {
            error["reason"] = e.Reason;
        }

        if (e.Details is { Count: > 0 })
        {
            error["details"] = e.Details.DeepClone();
        }

        error["message"] = e.Message;
        var body = new JsonObject { ["error"] = error };
        if (e.TopLevel is not null)
        {
            foreach (var (key, value) in e.TopLevel)
            {
                body[key] = value?.DeepClone();
            }
        }

        return body;
    }

    /// <summary>Writes the envelope; <paramref name="keepCookies"/> keeps cookies set earlier (an error that is an answer, e.g. a 422 after sign-in).</summary>
    public static async Task WriteAsync(HttpContext context, CustosException e, bool keepCookies = false)
    {
        var response = context.Response;
        var cookies = response.Headers.SetCookie;
        var retryAfter = response.Headers.RetryAfter;
        response.Clear();
        if (keepCookies)
        {
            response.Headers.SetCookie = cookies;
            // A throttled answer (429) names when to come back; clearing the response must not drop it.
            response.Headers.RetryAfter = retryAfter;
        }

        response.StatusCode = e.Code;
        response.Headers["Ory-Error-Id"] = e.Id ?? "";
        response.ContentType = "application/json";
        response.Headers.CacheControl = "private, no-cache, no-store, must-revalidate";
        var body = Build(e, context.Request.Headers["X-Request-ID"].FirstOrDefault());
        await response.WriteAsync(body.ToJsonString() + "\n", context.RequestAborted);
    }
}
