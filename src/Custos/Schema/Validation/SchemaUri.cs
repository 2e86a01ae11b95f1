namespace Custos.Schema.Validation;

/// <summary>URI handling for schema identifiers: keys without fragment, and reference resolution against a base.</summary>
internal static class SchemaUri
{
    /// <summary>Base of a schema loaded without retrieval URI; relative references resolve below it and are then refused.</summary>
    public static readonly Uri DefaultBase = new("https://custos.invalid/schema.json");

    /// <summary>The absolute URI without fragment, as used for document and resource lookups.</summary>
    public static string Key(Uri uri)
    {
        var text = uri.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/>; the fragment comes back percent-decoded.</summary>
    public static (Uri Document, string Fragment) Resolve(Uri baseUri, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var documentPart = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference[(hash + 1)..]);

        Uri document;
        if (documentPart.Length == 0)
        {
            document = new Uri(Key(baseUri));
        }
        else if (Uri.TryCreate(documentPart, UriKind.Absolute, out var absolute) && !IsRootedPathOnUnix(documentPart))
        {
            document = absolute;
        }
        else if (!Uri.TryCreate(baseUri, documentPart, out var combined))
        {
            throw new SchemaLoadException($"Cannot resolve the reference '{reference}' against the base URI '{baseUri}'.");
        }
        else
        {
            document = combined;
        }

        return (new Uri(Key(document)), fragment);
    }

    // On Unix, Uri treats "/folder/x.json" as an absolute file path; in a schema it is a path-absolute reference.
    private static bool IsRootedPathOnUnix(string reference) => reference.StartsWith('/');
}
