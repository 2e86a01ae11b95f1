namespace Custos.Hosting;

/// <summary>The standard errors of Kratos (herodot defaults), with their exact default messages.</summary>
internal static class KratosErrors
{
    public static CustosException BadRequest(string? reason = null, string? id = null) =>
        new(400, "The request was malformed or contained invalid parameters", reason, id);

    public static CustosException Unauthorized(string? reason = null, string? id = null) =>
        new(401, "The request could not be authorized", reason, id);

    public static CustosException Forbidden(string? reason = null, string? id = null) =>
        new(403, "The requested action was forbidden", reason, id);

    public static CustosException NotFound(string? reason = null) =>
        new(404, "The requested resource could not be found", reason);

    /// <summary>A route whose method or strategy the configuration switched off.</summary>
    public static CustosException EndpointDisabled() =>
        NotFound("This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.");

    /// <summary>The database "not found" flavour (sqlcon): a different message than the generic 404.</summary>
    public static CustosException RowNotFound() => new(404, "Unable to locate the resource");

    public static CustosException Conflict(string? reason = null) =>
        new(409, "The resource could not be created due to a conflict", reason);

    public static CustosException RequestTooLarge(long limit) =>
        new(413, "The request body is too large", $"The request body must not be larger than {limit} bytes.");

    public static CustosException UnsupportedMediaType(string? reason = null) =>
        new(415, "The request is using an unknown content type", reason);

    public static CustosException Internal(string? reason = null) =>
        new(500, "An internal server error occurred, please contact the system administrator", reason);

    public static CustosException Misconfiguration(string reason) => new(500, "Invalid configuration", reason);

    public static CustosException BadGateway(string? reason = null) => new(502, "Upstream error", reason);

    public static CustosException ServiceUnavailable(string? reason = null) => new(503, "The service is unavailable", reason);
}
