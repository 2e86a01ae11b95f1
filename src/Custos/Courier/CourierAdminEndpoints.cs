using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// The admin courier API (<c>/admin/courier/messages...</c>): keyset pages newest first with an encrypted
/// <c>page_token</c> (<see cref="CourierPageToken"/>), <c>status</c> and <c>recipient</c> filters; <c>Link</c> carries first and next.
/// </summary>
internal static class CourierAdminEndpoints
{
    public const string Messages = "/courier/messages";
    public const string Message = "/courier/messages/{id}";
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 1000;

    public static void MapCourierAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet(Messages, ListAsync).WithName("listCourierMessages");
        admin.MapGet(Message, GetAsync).WithName("getCourierMessage");
    }

    private static async Task<IResult> GetAsync(string id, ICourierMessageStore store, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var messageId = Guid.TryParse(id, out var guid) ? guid : throw KratosErrors.BadRequest("could not parse UUID");
        var message = await store.GetAsync(messageId, ct) ?? throw KratosErrors.RowNotFound();
        return Results.Json(CourierMessageJson.ToJson(message, options.CurrentValue.Dev));
    }

    private static async Task<IResult> ListAsync(HttpContext context, ICourierMessageStore store, CourierPageToken tokens, IOptionsMonitor<CustosOptions> options, CancellationToken ct)
    {
        var q = context.Request.Query;
        var size = Pagination.PageSize(q, DefaultPageSize, MaxPageSize);
        var status = q["status"].FirstOrDefault();
        if (string.IsNullOrEmpty(status))
        {
            status = null;
        }
        else if (!CourierMessageStatus.IsValid(status))
        {
            throw KratosErrors.BadRequest($"Message status \"{status}\" is not a valid message status.");
        }

        var recipient = q["recipient"].FirstOrDefault();
        var after = tokens.Decode(q);
        var page = await store.ListAsync(
            new CourierListQuery { PageSize = size, After = after, Status = status, Recipient = string.IsNullOrEmpty(recipient) ? null : recipient }, ct);

        var o = options.CurrentValue;
        var basePath = o.Serve.Admin.EffectiveBaseUrl(o.Dev).TrimEnd('/') + "/admin" + Messages;
        var kept = string.Concat(q.Where(p => p.Key is "status" or "recipient").SelectMany(p => p.Value.Select(v => $"&{p.Key}={Uri.EscapeDataString(v ?? "")}")));
        var links = new List<string> { $"<{basePath}?page_size={size}{kept}>; rel=\"first\"" };
        if (page.Count == size)
        {
            var next = tokens.Encode(new SessionCursor(page[^1].CreatedAt, page[^1].Id));
            links.Add($"<{basePath}?page_size={size}&page_token={next}{kept}>; rel=\"next\"");
        }

        context.Response.Headers.Link = string.Join(",", links);
        return Results.Json(new JsonArray(page.Select(m => (JsonNode?)CourierMessageJson.ToJson(m, o.Dev)).ToArray()));
    }
}
