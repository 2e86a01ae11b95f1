using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Malformed variants of a real WebAuthn credential JSON, from a fixed seed, for the endpoint fuzz tests.</summary>
internal static class WebAuthnMutations
{
    /// <summary>Mutations of one credential JSON: structural ones, then per binary member byte flips and truncations.</summary>
    public static IEnumerable<(string Name, string Payload)> Of(string validJson, string[] members, int seed)
    {
        var random = new Random(seed);
        yield return ("not json", "{");
        yield return ("json string", "\"x\"");
        yield return ("json array", "[1,2]");
        yield return ("null", "null");
        yield return ("empty object", "{}");
        yield return ("deep nesting", new string('[', 5000) + new string(']', 5000));
        yield return ("huge string", "{\"id\":\"" + new string('A', 200_000) + "\"}");
        var valid = JsonNode.Parse(validJson)!.AsObject();
        foreach (var field in new[] { "id", "rawId", "type", "response" })
        {
            var without = valid.DeepClone().AsObject();
            without.Remove(field);
            yield return ($"no {field}", without.ToJsonString());
            var wrongType = valid.DeepClone().AsObject();
            wrongType[field] = 42;
            yield return ($"{field} is a number", wrongType.ToJsonString());
        }

        foreach (var member in members)
        {
            if (valid["response"]![member] is not JsonValue value)
            {
                continue;
            }

            var bytes = WebAuthnWire.Decode(value.GetValue<string>());
            foreach (var text in new[] { "!!not base64!!", "", "AAAA", "=" })
            {
                yield return ($"{member} = '{text}'", With(valid, member, text));
            }

            yield return ($"{member} as object", With(valid, member, new JsonObject { ["a"] = 1 }));
            for (var length = 0; length < bytes.Length; length += Math.Max(1, bytes.Length / 12))
            {
                yield return ($"{member} truncated to {length}", With(valid, member, WebAuthnWire.Encode(bytes[..length])));
            }

            for (var i = 0; i < 24; i++)
            {
                var flipped = (byte[])bytes.Clone();
                var at = random.Next(flipped.Length);
                flipped[at] ^= (byte)(1 << random.Next(8));
                yield return ($"{member} bit flip at {at}", With(valid, member, WebAuthnWire.Encode(flipped)));
            }

            var garbage = new byte[random.Next(1, 600)];
            random.NextBytes(garbage);
            yield return ($"{member} random bytes", With(valid, member, WebAuthnWire.Encode(garbage)));
        }
    }

    private static string With(JsonObject valid, string member, JsonNode value)
    {
        var copy = valid.DeepClone().AsObject();
        copy["response"]![member] = value;
        return copy.ToJsonString();
    }
}
