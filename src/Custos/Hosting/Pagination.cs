using System.Globalization;

namespace Custos.Hosting;

/// <summary>Kratos's offset pagination: <c>page</c>/<c>per_page</c> (legacy) or an offset <c>page_token</c>/<c>page_size</c>.</summary>
internal sealed record Pagination(int Offset, int Size, bool Legacy)
{
    public static Pagination Parse(IQueryCollection query, int defaultSize, int maxSize)
    {
        var size = ParseInt(query, "page_size") ?? ParseInt(query, "per_page") ?? defaultSize;
        if (size < 1 || size > maxSize)
        {
            throw KratosErrors.BadRequest($"Items per page must be between 1 and {maxSize}.");
        }

        if (ParseInt(query, "page") is { } page)
        {
            if (page < 0)
            {
                throw KratosErrors.BadRequest("The page must not be negative.");
            }

            return new Pagination(page * size, size, Legacy: true);
        }

        var token = query["page_token"].FirstOrDefault();
        if (string.IsNullOrEmpty(token))
        {
            return new Pagination(0, size, Legacy: false);
        }

        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new Pagination(offset, size, Legacy: false)
            : throw KratosErrors.BadRequest("The page token is invalid, do not craft your own page tokens");
    }

    /// <summary><c>page_size</c> of a keyset-paginated list: <paramref name="defaultSize"/> when absent, 400 outside 1..<paramref name="maxSize"/>.</summary>
    public static int PageSize(IQueryCollection query, int defaultSize, int maxSize)
    {
        var raw = query["page_size"].FirstOrDefault();
        if (string.IsNullOrEmpty(raw))
        {
            return defaultSize;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= maxSize
            ? size
            : throw KratosErrors.BadRequest($"Items per page must be between 1 and {maxSize}.");
    }

    public static void WriteOffsetLinks(HttpContext context, Pagination page, long total)
    {
        var path = context.Request.Path.Value;
        var links = new List<string>();
        string Link(int offset, string rel) => page.Legacy
            ? $"<{path}?page={offset / page.Size}&per_page={page.Size}>; rel=\"{rel}\""
            : $"<{path}?page_size={page.Size}&page_token={offset}>; rel=\"{rel}\"";
        links.Add(Link(0, "first"));
        if (page.Offset + page.Size < total)
        {
            links.Add(Link(page.Offset + page.Size, "next"));
        }

        if (page.Offset > 0)
        {
            links.Add(Link(Math.Max(0, page.Offset - page.Size), "prev"));
        }

        var last = total == 0 ? 0 : (int)((total - 1) / page.Size * page.Size);
        links.Add(Link(last, "last"));
        context.Response.Headers.Link = string.Join(",", links);
    }

    private static int? ParseInt(IQueryCollection query, string key)
    {
        var value = query[key].FirstOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw KratosErrors.BadRequest($"The \"{key}\" query parameter must be a number.");
    }
}
