using System.Reflection;
using System.Text.Json.Nodes;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Ui;

public sealed class MessagesTests
{
    private static readonly DateTime At = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EveryFactory_HasAUniqueIdAndAKnownType()
    {
        var messages = AllFactories().Select(m => (Method: m.Name, Text: Invoke(m))).ToList();

        var duplicates = messages.GroupBy(m => m.Text.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.All(messages, m => Assert.Contains(m.Text.Type, new[] { UiText.Info, UiText.Error, UiText.Success }));
        Assert.All(messages, m => Assert.False(string.IsNullOrEmpty(m.Text.Text), m.Method));
        // Every typed row of text/id.go, plus Custos's own ids above Kratos's (4000100: throttled).
        Assert.Equal(159, messages.Count(m => m.Text.Id != 4000100));
    }

    [Fact]
    public void IdsFollowKratosRanges()
    {
        var ids = AllFactories().Select(m => Invoke(m).Id).ToHashSet();

        Assert.All(ids, id => Assert.Contains(id / 10000, new long[] { 101, 104, 105, 106, 107, 108, 400, 401, 404, 405, 406, 407, 500 }));
        Assert.DoesNotContain(1010000L, ids);
        Assert.DoesNotContain(4060003L, ids);
        Assert.DoesNotContain(4070004L, ids);
    }

    [Fact]
    public void SampleTexts_AreExact()
    {
        var samples = Samples();

        Assert.All(samples, s => Assert.Equal((s.Id, s.Type, s.Text), (s.Message.Id, s.Message.Type, s.Message.Text)));
    }

    private static List<(UiText Message, long Id, string Type, string Text)> Samples() =>
    [
        (Messages.InfoSelfServiceLogin(), 1010001, "info", "Sign in"),
        (Messages.InfoSelfServiceLoginPassword(), 1010022, "info", "Sign in with password"),
        (Messages.InfoSelfServiceLoginWith("GitHub", "github"), 1010002, "info", "Sign in with GitHub"),
        (Messages.InfoSelfServiceRegistration(), 1040001, "info", "Sign up"),
        (Messages.InfoSelfServiceSettingsUpdateSuccess(), 1050001, "success", "Your changes have been saved!"),
        (Messages.InfoNodeLabelInputPassword(), 1070001, "info", "Password"),
        (Messages.InfoNodeLabelID(), 1070004, "info", "ID"),
        (Messages.InfoNodeLabelSave(), 1070003, "info", "Save"),
        (Messages.InfoNodeLabelGenerated("E-Mail", "traits.email"), 1070002, "info", "E-Mail"),
        (Messages.ErrorValidationInvalidCredentials(), 4000006, "error",
            "The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number."),
        (Messages.ErrorValidationDuplicateCredentials(), 4000007, "error", "An account with the same identifier (email, phone, username, ...) exists already."),
        (Messages.ErrorValidationGeneric("boom"), 4000001, "error", "boom"),
        (Messages.ErrorValidationRequired("email"), 4000002, "error", "Property email is missing."),
        (Messages.ErrorValidationInvalidFormat("[0-9]+"), 4000004, "error", "does not match pattern \"[0-9]+\""),
        (Messages.ErrorValidationPasswordMinLength(8, 3), 4000032, "error", "The password must be at least 8 characters long, but got 3."),
        (Messages.ErrorValidationPasswordIdentifierTooSimilar(), 4000031, "error", "The password can not be used because it is too similar to the identifier."),
        (Messages.ErrorValidationPasswordTooManyBreaches(12), 4000034, "error", "The password has been found in data breaches and must no longer be used."),
        (Messages.ErrorValidationPasswordPolicyViolationGeneric("it is too long"), 4000005, "error", "The password can not be used because it is too long."),
        (Messages.ErrorValidationIdentityDisabled(), 4010011, "error", "This account has been disabled. Please contact support for assistance."),
        (Messages.ErrorValidationMinimum(1, 0.5), 4000018, "error", "must be >= 1 but found 0.5"),
        (Messages.ErrorValidationWrongType(["string", "null"], "number"), 4000026, "error", "expected string or null, but got number"),
        (Messages.InfoSelfServiceSettingsRemoveWebAuthn("key", At), 1050018, "info", "Remove security key \"key\""),
        (Messages.InfoSelfServiceSettingsLookupSecretUsed(At), 1050014, "info", "Secret was used at 2024-05-01 12:00:00 +0000 UTC"),
        (Messages.ErrorSystemNoAuthenticationMethodsAvailable(), 5000002, "error", "No authentication methods are available. Please contact the system administrator."),
    ];

    [Fact]
    public void FlowExpired_CountsMinutesWithTwoDecimals()
    {
        var clock = new FixedClock(At.AddSeconds(90));

        var login = Messages.ErrorValidationLoginFlowExpired(At, clock);
        var settings = Messages.ErrorValidationSettingsFlowExpired(At, clock);

        Assert.Equal(4010001, login.Id);
        Assert.Equal("The login flow expired 1.50 minutes ago, please try again.", login.Text);
        Assert.Equal("The settings flow expired 1.50 minutes ago, please try again.", settings.Text);
        Assert.Equal("The registration flow expired 1.50 minutes ago, please try again.", Messages.ErrorValidationRegistrationFlowExpired(At, clock).Text);
        Assert.Equal(4060005, Messages.ErrorValidationRecoveryFlowExpired(At, clock).Id);
        Assert.Equal(4070005, Messages.ErrorValidationVerificationFlowExpired(At, clock).Id);
        var context = UiTextJson.Write(login)["context"]!.AsObject();
        Assert.Equal("2024-05-01T12:00:00Z", context["expired_at"]!.GetValue<string>());
        Assert.Equal(1714564800L, context["expired_at_unix"]!.GetValue<long>());
    }

    [Fact]
    public void Context_IsWrittenWithSortedKeys()
    {
        var json = UiTextJson.Write(Messages.ErrorValidationPasswordMinLength(8, 3));

        Assert.Equal("""{"id":4000032,"text":"The password must be at least 8 characters long, but got 3.","type":"error","context":{"actual_length":3,"min_length":8}}""",
            json.ToJsonString());
    }

    [Fact]
    public void MessagesWithoutContext_OmitIt()
    {
        var json = UiTextJson.Write(Messages.InfoSelfServiceLoginPassword());

        Assert.Null(json["context"]);
    }

    [Fact]
    public void DuplicateCredentialsWithHints_ListsMethodsAndProviders()
    {
        var message = Messages.ErrorValidationDuplicateCredentialsWithHints(["password", "oidc", "webauthn"], ["github", "google"], "foo@bar.com");

        Assert.Equal(4000028, message.Id);
        Assert.Equal("You tried signing in with foo@bar.com which is already in use by another account. You can sign in using your password, social sign in, or your passkey or a security key. You can sign in using one of the following social sign in providers: Github, Google.",
            message.Text);
    }

    [Fact]
    public void RecoverySuccessful_CountsMinutesLeft()
    {
        var message = Messages.InfoSelfServiceRecoverySuccessful(At.AddMinutes(15), new FixedClock(At));

        Assert.Equal(UiText.Success, message.Type);
        Assert.EndsWith("within the next 15.00 minutes.", message.Text);
        Assert.Equal(JsonValue.Create("2024-05-01T12:15:00Z")!.ToJsonString(), UiTextJson.Write(message)["context"]!["privileged_session_expires_at"]!.ToJsonString());
    }

    private static IEnumerable<MethodInfo> AllFactories() =>
        typeof(Messages).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(UiText));

    private static UiText Invoke(MethodInfo method)
    {
        var args = method.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
        return (UiText)method.Invoke(null, args)!;
    }

    private static object? Sample(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(int) ? 1
        : type == typeof(long) ? 1L
        : type == typeof(double) ? 1.0
        : type == typeof(DateTime) ? At
        : type == typeof(TimeProvider) ? new FixedClock(At)
        : type == typeof(IReadOnlyList<string>) ? new[] { "x" }
        : type == typeof(IReadOnlyList<UiText>) ? new[] { Messages.InfoSelfServiceSettingsLookupSecret("x") }
        : null;

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }
}
