using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Custos.Hosting;

/// <summary>
/// Turns every exception into Kratos's envelope. Known client mistakes become 4xx; anything else is a generic 500
/// whose details go to the log only (never a stack trace to the client).
/// </summary>
internal sealed partial class CustosExceptionHandler(ILogger<CustosExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var error = exception switch
        {
            CustosException e => e,
            BadHttpRequestException { StatusCode: 413 } => KratosErrors.RequestTooLarge(RequestLimits.MaxBodyBytes),
            BadHttpRequestException b => KratosErrors.BadRequest(b.Message),
            JsonException => KratosErrors.BadRequest("The request body is not valid JSON."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };
        if (error is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            error = KratosErrors.Internal();
        }
        else if (error.Code >= 500)
        {
            LogServerError(logger, exception, error.Code, context.Request.Path);
        }

        if (context.Response.HasStarted)
        {
            return true;
        }

        await ErrorEnvelope.WriteAsync(context, error);
        return true;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Request failed with {Code} on {Path}")]
    private static partial void LogServerError(ILogger logger, Exception exception, int code, PathString path);
}
