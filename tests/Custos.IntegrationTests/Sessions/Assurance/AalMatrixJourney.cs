using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;
using Custos.SelfService.Strategies.Totp;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>An identity of the AAL matrix: its e-mail and the secret of its second factor.</summary>
internal sealed record MatrixIdentity(Guid Id, string Email, TotpKey? Totp, IReadOnlyList<string> BackupCodes);

/// <summary>
/// The steps of the AAL matrix as an SDK client takes them over the API: import an identity with its factors, sign in
/// with the first factor, step up with the second on a <c>?aal=aal2</c> login flow of the same session.
/// </summary>
internal static class AalMatrixJourney
{
    public const string Password = "correct horse battery staple";

    /// <summary>
    /// Imports an identity through the admin API: a password when <paramref name="first"/> is <c>password</c> (a code
    /// first factor needs none: the schema's e-mail is its code address), and a TOTP device or backup codes for the
    /// second factor (a code second factor is the same code address, under <c>mfa_enabled</c>).
    /// </summary>
    public static async Task<MatrixIdentity> ImportAsync(this AalMatrixApp app, string first, string second)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var credentials = new JsonObject();
        if (first == "password")
        {
            credentials["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = Password } };
        }

        TotpKey? totp = null;
        List<string> backupCodes = [];
        if (second == "totp")
        {
            totp = TotpKey.Generate("Custos Test", email);
            credentials["totp"] = new JsonObject { ["config"] = new JsonObject { ["totp_url"] = totp.Url } };
        }
        else if (second == "lookup_secret")
        {
            backupCodes = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid().ToString("N")[..8]).ToList();
            var codes = new JsonArray(backupCodes.Select(c => (JsonNode)new JsonObject { ["code"] = c }).ToArray());
            credentials["lookup_secret"] = new JsonObject { ["config"] = new JsonObject { ["codes"] = codes } };
        }

        var body = new JsonObject { ["schema_id"] = "matrix", ["traits"] = new JsonObject { ["email"] = email }, ["credentials"] = credentials };
        var response = await app.Admin().PostJsonAsync("/admin/identities", body.ToJsonString());
        var created = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, created.ToJsonString());
        return new MatrixIdentity(Guid.Parse(created["id"]!.GetValue<string>()), email, totp, backupCodes);
    }

    /// <summary>Signs in with <paramref name="first"/> over the API and keeps the session token on <paramref name="client"/>.</summary>
    public static async Task<HttpResponseMessage> FirstFactorAsync(this AalMatrixApp app, FlowClient client, string first, MatrixIdentity identity)
    {
        if (first == "password")
        {
            return await client.LoginAsync(identity.Email, Password);
        }

        var flow = await client.InitAsync("login");
        var sent = await client.SubmitAsync(flow, new() { ["method"] = "code", ["identifier"] = identity.Email });
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        var sentFlow = (await sent.JsonAsync()).AsObject();
        var response = await client.SubmitAsync(sentFlow, new()
        {
            ["method"] = "code", ["identifier"] = identity.Email, ["code"] = await app.LatestCodeAsync(identity.Email),
        });
        if (response.StatusCode == HttpStatusCode.OK)
        {
            client.SessionToken = (await response.JsonAsync())["session_token"]!.GetValue<string>();
        }

        return response;
    }

    /// <summary>
    /// Submits <paramref name="second"/> on <paramref name="stepUp"/>, an aal2 login flow of the client's session. A code
    /// is sent first (its address button) unless the flow was created with the code already sent.
    /// </summary>
    public static async Task<HttpResponseMessage> SecondFactorAsync(this AalMatrixApp app, FlowClient client, JsonObject stepUp, string second, MatrixIdentity identity)
    {
        switch (second)
        {
            case "totp":
                var code = TotpCode.Compute(identity.Totp!.Secret, app.ManualClock.GetUtcNow().UtcDateTime);
                return await client.SubmitAsync(stepUp, new() { ["method"] = "totp", ["totp_code"] = code });
            case "lookup_secret":
                return await client.SubmitAsync(stepUp, new() { ["method"] = "lookup_secret", ["lookup_secret"] = identity.BackupCodes[0] });
            default:
                var flow = stepUp;
                if (flow["state"]!.GetValue<string>() != "sent_email")
                {
                    var sent = await client.SubmitAsync(flow, new() { ["address"] = identity.Email });
                    Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
                    flow = (await sent.JsonAsync()).AsObject();
                }

                Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
                return await client.SubmitAsync(flow, new()
                {
                    ["method"] = "code", ["identifier"] = identity.Email, ["code"] = await app.LatestCodeAsync(identity.Email),
                });
        }
    }

    /// <summary>The node a step-up form shows for <paramref name="second"/>: found by name and group, never by position.</summary>
    public static bool HasSecondFactorNode(JsonObject flow, string second, string email) => Nodes(flow).Any(n => second switch
    {
        "totp" => Name(n) == "totp_code" && Group(n) == "totp",
        "lookup_secret" => Name(n) == "lookup_secret" && Group(n) == "lookup_secret",
        _ => Group(n) == "code" && Name(n) is "address" or "identifier" && Value(n) == email,
    });

    public static IEnumerable<JsonNode> Nodes(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!);

    public static string? Name(JsonNode node) => node["attributes"]!["name"]?.GetValue<string>();

    private static string? Group(JsonNode node) => node["group"]?.GetValue<string>();

    private static string? Value(JsonNode node) => node["attributes"]!["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
