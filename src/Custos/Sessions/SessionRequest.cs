using System.Globalization;
using Custos.Hosting;

namespace Custos.Sessions;

/// <summary>Query and route values of the session endpoints, parsed with Kratos's 400s.</summary>
internal static class SessionRequest
{
    public const int DefaultPageSize = 250;
    public const int MaxPageSize = 1000;

    public static Guid Id(string id) =>
        Guid.TryParse(id, out var guid) ? guid : throw KratosErrors.BadRequest("could not parse UUID");

    /// <summary>The <c>active</c> filter: absent or empty means no filter; Go's boolean spellings are accepted.</summary>
    public static bool? Active(IQueryCollection query)
    {
        var raw = query["active"].FirstOrDefault();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return raw switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw KratosErrors.BadRequest("could not parse parameter active"),
        };
    }

    /// <summary>The <c>expand</c> values (repeatable, case-insensitive): whether to expand the identity and the devices.</summary>
    public static (bool Identity, bool Devices) Expand(IQueryCollection query)
    {
        var identity = false;
        var devices = false;
        foreach (var value in query["expand"])
        {
            switch (value?.ToLowerInvariant())
            {
                case "identity":
                    identity = true;
                    break;
                case "devices":
                    devices = true;
                    break;
                default:
                    throw KratosErrors.BadRequest("Could not parse expand option");
            }
        }

        return (identity, devices);
    }

    public static int PageSize(IQueryCollection query) => Pagination.PageSize(query, DefaultPageSize, MaxPageSize);

    public static SessionCursor? PageToken(IQueryCollection query)
    {
        var raw = query["page_token"].FirstOrDefault();
        return string.IsNullOrEmpty(raw)
            ? null
            : SessionCursor.TryDecode(raw) ?? throw KratosErrors.BadRequest("The page token is invalid, do not craft your own page tokens");
    }
}
