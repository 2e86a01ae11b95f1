using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Courier.Jsonnet;
using Custos.Hosting;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Turns a web hook's configuration and <c>ctx</c> into the request to send, as Kratos's request builder does: the
/// Jsonnet body is evaluated for every method except TRACE (GET too), a template that evaluates
/// <c>error "cancel"</c> cancels the hook, <c>application/x-www-form-urlencoded</c> form-encodes the template's flat
/// object of strings, and any other content type fails. Failures are Kratos's 500.
/// </summary>
internal sealed class WebHookRequestRenderer(WebHookBodyTemplates templates)
{
    /// <summary>The request, or null when the template cancelled the hook.</summary>
    public async Task<WebHookRequest?> RenderAsync(WebHookConfig config, JsonObject ctx, CancellationToken ct)
    {
        string? body = null;
        if (config.Method != "TRACE")
        {
            if (config.BodyUri is null)
            {
                throw KratosErrors.Internal("got empty template path for request with body");
            }

            var template = await templates.ReadAsync(config.BodyUri, ct);
            if (config.ContentType is not (WebHookContentTypes.Json or WebHookContentTypes.Form))
            {
                throw KratosErrors.Internal("invalid config - incorrect Content-Type for request with body");
            }

            string output;
            try
            {
                output = await JsonnetEvaluator.EvaluateAsync(config.BodyUri, template, ctx.ToJsonString(), ct);
            }
            catch (JsonnetException e) when (IsCancel(e.Message))
            {
                return null;
            }
            catch (JsonnetException e)
            {
                throw KratosErrors.Internal($"The web hook body template failed: {e.Message}");
            }

            body = config.ContentType == WebHookContentTypes.Form ? FormEncode(output) : output;
        }

        var headers = new List<KeyValuePair<string, string>>(config.Headers);
        if (config.Auth is { } auth)
        {
            headers.AddRange(auth.Headers());
        }

        return new WebHookRequest(config.Method, config.Url, headers, config.ContentType, body, config.EmitAnalyticsEvent, config.Id);
    }

    /// <summary>Kratos cancels on the runtime error whose message is exactly <c>cancel</c>.</summary>
    internal static bool IsCancel(string message)
    {
        const string Cancel = "RUNTIME ERROR: cancel";
        return message.StartsWith(Cancel, StringComparison.Ordinal) && (message.Length == Cancel.Length || message[Cancel.Length] is '\n' or '\r');
    }

    // Kratos decodes the output into a map of strings and encodes it sorted by key.
    private static string FormEncode(string output)
    {
        Dictionary<string, string>? values;
        try
        {
            values = JsonSerializer.Deserialize<Dictionary<string, string>>(output);
        }
        catch (JsonException)
        {
            values = null;
        }

        if (values is null)
        {
            throw KratosErrors.Internal("The web hook body template must produce an object of strings for application/x-www-form-urlencoded.");
        }

        var form = new StringBuilder();
        foreach (var (key, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            form.Append(form.Length == 0 ? "" : "&").Append(WebUtility.UrlEncode(key)).Append('=').Append(WebUtility.UrlEncode(value));
        }

        return form.ToString();
    }
}
