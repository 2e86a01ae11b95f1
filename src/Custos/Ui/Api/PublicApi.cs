using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Custos.Ui.Api;

/// <summary>
/// Calls Custos's own public API in-process, the way a Kratos browser UI calls it over HTTP: the page's cookies go
/// along, cookies the API sets come back to the browser, and the answer is the wire JSON (errors as Kratos's envelope).
/// Dispatching to the endpoint by its operation id instead of opening a loopback socket keeps the pages on the public
/// contract only, so any flow with a <c>get…Flow</c> endpoint renders without page code, and it works on the test host.
/// </summary>
internal sealed class PublicApi(EndpointDataSource endpoints)
{
    private readonly ConcurrentDictionary<string, Endpoint?> _byName = new(StringComparer.Ordinal);

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="path"/><paramref name="query"/> to the endpoint named
    /// <paramref name="operationId"/> (<c>.WithName</c>), as JSON (<c>Accept: application/json</c>) or as a plain browser
    /// navigation. An unknown operation answers 404 like an unknown route.
    /// </summary>
    public async Task<ApiResponse> SendAsync(HttpContext page, ApiCall call, CancellationToken ct)
    {
        var endpoint = _byName.GetOrAdd(call.OperationId, Find);
        if (endpoint?.RequestDelegate is null)
        {
            return ApiResponse.FromException(KratosErrors.NotFound("The requested resource could not be found"));
        }

        var body = new MemoryStream();
        var sub = CreateContext(page, call, body, ct);
        sub.SetEndpoint(endpoint);
        try
        {
            await endpoint.RequestDelegate(sub);
        }
        catch (CustosException e)
        {
            // What the exception handler would write for a real HTTP call.
            ForwardCookies(sub, page);
            return ApiResponse.FromException(e);
        }

        ForwardCookies(sub, page);
        body.Position = 0;
        JsonNode? json = null;
        if (body.Length > 0 && sub.Response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            json = await JsonNode.ParseAsync(body, cancellationToken: ct);
        }

        return new ApiResponse(sub.Response.StatusCode, sub.Response.Headers.Location.FirstOrDefault(), json);
    }

    private static DefaultHttpContext CreateContext(HttpContext page, ApiCall call, Stream body, CancellationToken ct)
    {
        var headers = new HeaderDictionary();
        foreach (var name in new[] { HeaderNames.Cookie, HeaderNames.UserAgent, HeaderNames.Host, HeaderNames.AcceptLanguage, "X-Forwarded-For", "True-Client-IP", "CF-Connecting-IP" })
        {
            if (page.Request.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value;
            }
        }

        headers[HeaderNames.Accept] = call.Json ? "application/json" : "text/html";
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = call.Method,
            Scheme = page.Request.Scheme,
            PathBase = page.Request.PathBase,
            Path = call.Path,
            QueryString = call.Query.Value ?? "",
            Protocol = page.Request.Protocol,
            Headers = headers,
        });
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        if (page.Features.Get<IHttpConnectionFeature>() is { } connection)
        {
            features.Set(connection);
        }

        var sub = new DefaultHttpContext(features) { RequestServices = page.RequestServices, RequestAborted = ct };
        sub.Items[ListenerMiddleware.ItemKey] = Listener.Public;
        foreach (var (key, value) in call.RouteValues)
        {
            sub.Request.RouteValues[key] = value;
        }

        return sub;
    }

    private static void ForwardCookies(HttpContext sub, HttpContext page)
    {
        foreach (var cookie in sub.Response.Headers.SetCookie)
        {
            page.Response.Headers.Append(HeaderNames.SetCookie, cookie);
        }
    }

    private Endpoint? Find(string operationId) =>
        endpoints.Endpoints.FirstOrDefault(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == operationId);
}
