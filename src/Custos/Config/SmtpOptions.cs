using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.smtp</c>.</summary>
internal sealed class SmtpOptions
{
    /// <summary><c>courier.smtp.connection_uri</c>: <c>smtp[s]://user:pass@host:port/?disable_starttls=&amp;skip_ssl_verify=</c>.</summary>
    [ConfigurationKeyName("connection_uri")]
    [ConfigUrl(Absolute = true, Schemes = ["smtp", "smtps"])]
    public string? ConnectionUri { get; set; }

    /// <summary><c>courier.smtp.client_cert_path</c>.</summary>
    [ConfigurationKeyName("client_cert_path")]
    public string ClientCertPath { get; set; } = "";

    /// <summary><c>courier.smtp.client_key_path</c>.</summary>
    [ConfigurationKeyName("client_key_path")]
    public string ClientKeyPath { get; set; } = "";

    /// <summary><c>courier.smtp.from_address</c>. Default <c>no-reply@ory.kratos.sh</c>.</summary>
    [ConfigurationKeyName("from_address")]
    public string FromAddress { get; set; } = "no-reply@ory.kratos.sh";

    /// <summary><c>courier.smtp.from_name</c>.</summary>
    [ConfigurationKeyName("from_name")]
    public string? FromName { get; set; }

    /// <summary><c>courier.smtp.headers</c>: extra headers on every e-mail.</summary>
    [ConfigurationKeyName("headers")]
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary><c>courier.smtp.local_name</c>: HELO name. Default <c>localhost</c>.</summary>
    [ConfigurationKeyName("local_name")]
    public string LocalName { get; set; } = "localhost";

    /// <summary><c>courier.smtp.dkim</c>: DKIM signing (a Custos extension; Kratos has no such key).</summary>
    [ConfigurationKeyName("dkim")]
    public SmtpDkimOptions Dkim { get; set; } = new();
}
