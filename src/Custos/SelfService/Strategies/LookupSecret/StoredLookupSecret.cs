using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>An identity's <c>lookup_secret</c> credential row as the database holds it now.</summary>
internal sealed record StoredLookupSecret(Guid CredentialId, JsonObject Config);
