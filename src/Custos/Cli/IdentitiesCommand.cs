using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Cli;

/// <summary>
/// <c>custos identities import|get|list|delete</c>: a client of a running server's admin API, given by
/// <c>-e/--endpoint</c> or <c>KRATOS_ADMIN_URL</c>, as Kratos's CLI is; <c>CUSTOS_ADMIN_API_KEY</c>, when set, is sent as a
/// bearer token.
/// </summary>
internal static class IdentitiesCommand
{
    public static Command Create()
    {
        var endpoint = new Option<string?>("--endpoint", "-e") { Description = "Admin API URL (default: $KRATOS_ADMIN_URL)", Recursive = true };
        var format = new Option<string>("--format") { Description = "Output: json or json-pretty", DefaultValueFactory = _ => "json-pretty", Recursive = true };
        format.AcceptOnlyFromAmong("json", "json-pretty");
        var command = new Command("identities", "Manage identities through the admin API") { endpoint, format };

        var files = new Argument<string[]>("file") { Description = "JSON files holding one identity or an array (\"-\" reads standard input)", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Create identities from JSON files") { files };
        import.SetAction((p, ct) => RunAsync(p, endpoint, format, c => ImportAsync(c, p.GetValue(files)!, ct)));

        var getIds = new Argument<string[]>("id") { Arity = ArgumentArity.OneOrMore };
        var get = new Command("get", "Get identities by id") { getIds };
        get.SetAction((p, ct) => RunAsync(p, endpoint, format, async c =>
        {
            var result = new JsonArray();
            foreach (var id in p.GetValue(getIds)!)
            {
                result.Add(await SendAsync(c, HttpMethod.Get, "admin/identities/" + Uri.EscapeDataString(id), null, ct));
            }

            return result.Count == 1 ? result[0]!.DeepClone() : result;
        }));

        var pageSize = new Option<int>("--page-size") { DefaultValueFactory = _ => 250 };
        var pageToken = new Option<string?>("--page-token");
        var list = new Command("list", "List identities") { pageSize, pageToken };
        list.SetAction((p, ct) => RunAsync(p, endpoint, format, c =>
            SendAsync(c, HttpMethod.Get, $"admin/identities?page_size={p.GetValue(pageSize)}" + (p.GetValue(pageToken) is { } t ? "&page_token=" + Uri.EscapeDataString(t) : ""), null, ct)));

        var deleteIds = new Argument<string[]>("id") { Arity = ArgumentArity.OneOrMore };
        var delete = new Command("delete", "Delete identities by id") { deleteIds };
        delete.SetAction((p, ct) => RunAsync(p, endpoint, format, async c =>
        {
            var deleted = new JsonArray();
            foreach (var id in p.GetValue(deleteIds)!)
            {
                await SendAsync(c, HttpMethod.Delete, "admin/identities/" + Uri.EscapeDataString(id), null, ct);
                deleted.Add(id);
            }

            return deleted;
        }));

        command.Subcommands.Add(import);
        command.Subcommands.Add(get);
        command.Subcommands.Add(list);
        command.Subcommands.Add(delete);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<string?> endpoint, Option<string> format, Func<HttpClient, Task<JsonNode?>> work)
    {
        var url = parse.GetValue(endpoint) ?? Environment.GetEnvironmentVariable("KRATOS_ADMIN_URL");
        if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            return CliApp.Fail("no admin endpoint: pass --endpoint http://host:4434 or set KRATOS_ADMIN_URL");
        }

        using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (Environment.GetEnvironmentVariable("CUSTOS_ADMIN_API_KEY") is { Length: > 0 } apiKey)
        {
            // serve.admin.api_key_required: the admin API then wants Kratos's oryAccessToken scheme, a bearer token.
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        try
        {
            var result = await work(client);
            var pretty = parse.GetValue(format) == "json-pretty";
            Console.WriteLine(result?.ToJsonString(new JsonSerializerOptions { WriteIndented = pretty }) ?? "null");
            return 0;
        }
        catch (CliRequestException e)
        {
            return CliApp.Fail(e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return CliApp.Fail($"request to {baseUri} failed: {e.Message}");
        }
    }

    private static async Task<JsonNode?> ImportAsync(HttpClient client, string[] files, CancellationToken ct)
    {
        var created = new JsonArray();
        foreach (var file in files)
        {
            var text = file == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(file, ct);
            var node = JsonNode.Parse(text);
            var items = node is JsonArray array ? array.Select(n => n!.DeepClone()).ToList() : [node!];
            foreach (var item in items)
            {
                created.Add(await SendAsync(client, HttpMethod.Post, "admin/identities", item.ToJsonString(), ct));
            }
        }

        return created.Count == 1 ? created[0]!.DeepClone() : created;
    }

    private static async Task<JsonNode?> SendAsync(HttpClient client, HttpMethod method, string path, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var reason = TryError(body);
            throw new CliRequestException($"{method} {path}: {(int)response.StatusCode} {reason}");
        }

        return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body);
    }

    private static string TryError(string body)
    {
        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return error is null ? body : $"{error["message"]}{(error["reason"] is { } r ? ": " + r : "")}";
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private sealed class CliRequestException(string message) : Exception(message);
}
