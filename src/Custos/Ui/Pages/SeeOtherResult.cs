namespace Custos.Ui.Pages;

/// <summary>A 303 See Other: after a form post the browser fetches the target with GET.</summary>
internal sealed class SeeOtherResult(string url) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = url;
        return Task.CompletedTask;
    }
}
