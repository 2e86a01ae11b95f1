namespace Custos.Courier.Templates;

/// <summary>A rendered e-mail: subject, plain-text body and (when the HTML template renders) the HTML body.</summary>
internal sealed record RenderedEmail(string Subject, string Body, string? HtmlBody);
