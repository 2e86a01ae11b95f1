using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>The config of a <c>webauthn</c> or <c>passkey</c> credential: its keys and the user handle (§4.7).</summary>
internal sealed class WebAuthnCredentialConfig
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new UtcSecondsConverter() } };

    [JsonPropertyName("credentials")]
    public List<StoredWebAuthnCredential> Credentials { get; set; } = [];

    [JsonPropertyName("user_handle")]
    public byte[]? UserHandle { get; set; }

    /// <summary>Reads a stored config; a config this code cannot read counts as no keys, never as an error page.</summary>
    public static WebAuthnCredentialConfig Read(JsonObject? config)
    {
        if (config is null)
        {
            return new WebAuthnCredentialConfig();
        }

        try
        {
            return config.Deserialize<WebAuthnCredentialConfig>(Json) ?? new WebAuthnCredentialConfig();
        }
        catch (JsonException)
        {
            return new WebAuthnCredentialConfig();
        }
        catch (FormatException)
        {
            return new WebAuthnCredentialConfig();
        }
    }

    public JsonObject ToJson() => (JsonObject)JsonSerializer.SerializeToNode(this, Json)!;

    public StoredWebAuthnCredential? Find(ReadOnlySpan<byte> id)
    {
        foreach (var credential in Credentials)
        {
            if (credential.Id.AsSpan().SequenceEqual(id))
            {
                return credential;
            }
        }

        return null;
    }

    /// <summary>Writes times as Go does for a UTC time rounded to seconds (<c>2021-08-17T10:18:55Z</c>).</summary>
    private sealed class UtcSecondsConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().UtcDateTime;

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
