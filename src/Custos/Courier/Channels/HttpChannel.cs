using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier.Jsonnet;
using Custos.Courier.Templates;

namespace Custos.Courier.Channels;

/// <summary>
/// A channel that hands each message to an HTTP endpoint (<c>courier.http.request_config</c> for e-mail with
/// <c>delivery_strategy: http</c>, <c>courier.channels[].request_config</c> for SMS). The body is the Jsonnet template
/// called with Kratos's <c>ctx</c>: <c>recipient</c>, <c>subject</c>, <c>body</c>, <c>html_body</c> (e-mails with an
/// HTML body), <c>template_type</c>, <c>template_data</c>, <c>message_type</c>, <c>request_headers</c>. Authentication
/// is <c>basic_auth</c> or <c>api_key</c> (header or cookie). A 2xx answer is success; one attempt per dispatch.
/// </summary>
internal sealed class HttpChannel(HttpRequestConfigOptions config, IHttpClientFactory clients, TemplateFetcher fetcher) : ICourierChannel
{
    /// <summary>The named <see cref="HttpClient"/> of the HTTP channels (10 s timeout).</summary>
    public const string HttpClientName = "custos-courier-http";

    private const string Reason = "failed to send message via http";
    private static readonly Lazy<string> DefaultBody = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("courier-http-default-body.jsonnet")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public async Task DispatchAsync(CourierMessage message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(new HttpMethod(config.Method.ToUpperInvariant()), config.Url);
        var contentType = "application/json";
        foreach (var (name, value) in config.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        ApplyAuth(request, config.Auth);
        if (request.Method != HttpMethod.Trace)
        {
            request.Content = await BodyAsync(message, contentType, ct);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new CourierDispatchException(Reason, $"the request failed: {e.GetType().Name}", inner: e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new CourierDispatchException(Reason, $"unable to dispatch message because upstream server replied with status code {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>Kratos's Jsonnet <c>ctx</c> for <paramref name="message"/>.</summary>
    public static JsonObject Context(CourierMessage message)
    {
        var context = new JsonObject
        {
            ["recipient"] = message.Recipient,
            ["subject"] = message.Subject,
            ["body"] = message.Body,
        };
        if (message.Type == CourierMessageType.Email && !string.IsNullOrEmpty(message.HtmlBody))
        {
            context["html_body"] = message.HtmlBody;
        }

        context["template_type"] = message.TemplateType;
        context["template_data"] = message.TemplateData is { Length: > 0 } data ? JsonNode.Parse(data) : null;
        context["message_type"] = message.Type;
        context["request_headers"] = new JsonObject();
        return context;
    }

    private async Task<HttpContent> BodyAsync(CourierMessage message, string contentType, CancellationToken ct)
    {
        string template;
        try
        {
            template = string.IsNullOrEmpty(config.Body) ? DefaultBody.Value : await fetcher.FetchAsync(BodyUri(config.Body), ct);
        }
        catch (CourierTemplateException e)
        {
            throw new CourierDispatchException(Reason, $"the request body template cannot be read: {e.Message}", inner: e);
        }

        string json;
        try
        {
            json = await JsonnetEvaluator.EvaluateAsync("request_body.jsonnet", template, Context(message).ToJsonString(), ct);
        }
        catch (JsonnetException e)
        {
            throw new CourierDispatchException(Reason, $"the request body template does not evaluate: {e.Message}", inner: e);
        }

        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return new FormUrlEncodedContent(FormFields(json));
        }

        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    // As Kratos: a body URI without a scheme is a legacy file path.
    private static string BodyUri(string body) => ConfigUrlAttribute.IsAbsolute(body) ? body : "file://" + body;

    private static IEnumerable<KeyValuePair<string, string>> FormFields(string json)
    {
        try
        {
            return JsonNode.Parse(json)!.AsObject().Select(p => new KeyValuePair<string, string>(p.Key, p.Value?.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value?.ToJsonString() ?? ""));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new CourierDispatchException(Reason, "a form-encoded request body template must produce a JSON object", inner: e);
        }
    }

    private static void ApplyAuth(HttpRequestMessage request, HttpAuthOptions auth)
    {
        switch (auth.Type)
        {
            case "basic_auth":
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{auth.Config.User}:{auth.Config.Password}"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                break;
            case "api_key" when auth.Config.In == "cookie":
                request.Headers.TryAddWithoutValidation("Cookie", $"{auth.Config.Name}={auth.Config.Value}");
                break;
            case "api_key":
                request.Headers.Remove(auth.Config.Name!);
                request.Headers.TryAddWithoutValidation(auth.Config.Name!, auth.Config.Value);
                break;
        }
    }
}
