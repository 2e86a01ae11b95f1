using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Reads a web hook's final answer as Kratos does (contract §7.4): without parsing, ≥ 400 fails the flow with 502
/// and anything else continues; with <c>response.parse</c> (or <c>can_interrupt</c>) a ≥ 400 answer must be the
/// interrupt format (messages for the flow; none, or not JSON, is a 500), 200 may carry an <c>identity</c> to apply
/// (the body must be JSON), and 204 or any other status continues.
/// </summary>
internal static class WebHookResponses
{
    public const string UpstreamImproper = "A third-party upstream service responded improperly. Please try again later.";
    public const string UpstreamUnreachable = "A third-party upstream service could not be reached. Please try again later.";

    public static WebHookOutcome Interpret(WebHookConfig config, WebHookResponse response)
    {
        try
        {
            return Read(config, response);
        }
        catch (CustosException e)
        {
            return new WebHookOutcome.Failed(e);
        }
    }

    /// <summary>Kratos's error for a request that got no answer in time (504) or no usable answer at all (500).</summary>
    public static CustosException ErrorFor(WebHookTransportException failure) => failure.Failure == WebHookFailure.Timeout
        ? new CustosException(504, failure.Message, UpstreamUnreachable)
        : KratosErrors.Internal();

    private static WebHookOutcome Read(WebHookConfig config, WebHookResponse response)
    {
        if (response.Status >= 400)
        {
            return config.Parse
                ? Interrupt(response.Body)
                : new WebHookOutcome.Failed(new CustosException(502, $"webhook failed with status code {response.Status}", UpstreamImproper));
        }

        if (!config.Parse || response.Status != 200)
        {
            return WebHookOutcome.Continue.Instance;
        }

        var body = ParseJson(response.Body);
        return body is JsonObject o && o["identity"] is JsonObject identity
            ? new WebHookOutcome.Parsed(WebHookIdentityPatch.Read(identity))
            : WebHookOutcome.Continue.Instance;
    }

    private static WebHookOutcome Interrupt(string body)
    {
        var interrupts = new List<WebHookInterrupt>();
        if (ParseJson(body) is JsonObject { } o && o["messages"] is JsonArray entries)
        {
            foreach (var entry in entries)
            {
                if (entry is not JsonObject e)
                {
                    throw Unreadable();
                }

                var messages = (e["messages"] as JsonArray ?? []).Select(Message).ToList();
                interrupts.Add(new WebHookInterrupt(e["instance_ptr"]?.GetValueKind() == JsonValueKind.String ? e["instance_ptr"]!.GetValue<string>() : "", messages));
            }
        }

        return interrupts.Count == 0
            ? new WebHookOutcome.Failed(KratosErrors.Internal("error while parsing webhook response: got no validation errors"))
            : new WebHookOutcome.Interrupted(interrupts);
    }

    // Kratos keeps the hook's id, text and context; only "error" stays an error, every other type becomes info.
    private static UiText Message(JsonNode? node)
    {
        if (node is not JsonObject m || m["id"] is not JsonValue id || !id.TryGetValue<long>(out var number))
        {
            throw Unreadable();
        }

        var text = m["text"] is JsonValue t && t.GetValueKind() == JsonValueKind.String ? t.GetValue<string>() : "";
        var type = m["type"] is JsonValue k && k.GetValueKind() == JsonValueKind.String && k.GetValue<string>() == UiText.Error ? UiText.Error : UiText.Info;
        var context = m["context"] is JsonObject c ? c.ToDictionary(kv => kv.Key, kv => (object?)kv.Value?.DeepClone()) : null;
        return new UiText(number, text, type, context);
    }

    private static JsonNode? ParseJson(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw Unreadable();
        }
    }

    private static CustosException Unreadable() => KratosErrors.Internal("webhook response could not be unmarshalled properly from JSON");
}
