namespace Custos.Hosting;

/// <summary>Gives body-less 4xx/5xx answers of the framework (no route, wrong method) Kratos's error envelope.</summary>
internal sealed class EmptyErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.StatusCode < 400 || response.ContentLength > 0 || response.ContentType is not null)
        {
            return;
        }

        var error = response.StatusCode switch
        {
            404 => KratosErrors.NotFound(),
            405 => new CustosException(405, "The requested method is not allowed for this resource"),
            413 => KratosErrors.RequestTooLarge(RequestLimits.MaxBodyBytes),
            415 => KratosErrors.UnsupportedMediaType(),
            400 => KratosErrors.BadRequest(),
            _ => new CustosException(response.StatusCode, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(response.StatusCode)),
        };
        await ErrorEnvelope.WriteAsync(context, error);
    }
}
