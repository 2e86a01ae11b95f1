namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary><c>GET /.well-known/ory/webauthn.js</c> (getWebAuthnJavaScript) on the public listener.</summary>
internal static class WebAuthnScriptEndpoints
{
    /// <summary>
    /// Served whether or not a WebAuthn method is enabled, as Kratos registers the route unconditionally. HEAD answers
    /// the same headers without a body (Go's mux routes HEAD to a GET pattern); the listener middleware adds Kratos's
    /// no-store cache header to GETs.
    /// </summary>
    public static void MapWebAuthnScript(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapMethods(WebAuthnScript.Path, [HttpMethods.Get, HttpMethods.Head], WriteAsync)
            .WithName("getWebAuthnJavaScript");

    private static Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = WebAuthnScript.ContentType;
        response.ContentLength = WebAuthnScript.Content.Length;
        return HttpMethods.IsHead(context.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(WebAuthnScript.Content, context.RequestAborted).AsTask();
    }
}
