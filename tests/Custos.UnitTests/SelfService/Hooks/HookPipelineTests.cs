using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.UnitTests.Config;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.SelfService.Hooks;

/// <summary>The pipeline runs executors in plan order, stops at the first abort and passes over hooks it has no executor for.</summary>
public sealed class HookPipelineTests
{
    private const string Yaml = ConfigTestFiles.MinimalYaml + """

          flows:
            recovery:
              after:
                hooks:
                  - { hook: web_hook, config: { url: "https://h.example/a", method: POST } }
                  - hook: revoke_active_sessions
                  - { hook: web_hook, config: { url: "https://h.example/b", method: POST } }
        """;

    [Fact]
    public async Task RunAsync_RunsEachPlannedEntryInOrder_WithItsOwnEntry()
    {
        var ran = new List<string>();
        var pipeline = Pipeline(new Recording(HookKind.RevokeActiveSessions, ran), new Recording(HookKind.WebHook, ran));

        var result = await pipeline.RunAsync(new FakeContext(), CancellationToken.None);

        Assert.Null(result.Outcome);
        Assert.Equal(["web_hook https://h.example/a", "revoke_active_sessions", "web_hook https://h.example/b"], ran);
    }

    [Fact]
    public async Task RunAsync_StopsAtTheFirstAbort()
    {
        var ran = new List<string>();
        FlowOutcome stop = new FlowOutcome.Redirect("https://ui.example/stop");
        var pipeline = Pipeline(new Recording(HookKind.WebHook, ran, abortWith: stop), new Recording(HookKind.RevokeActiveSessions, ran));

        var result = await pipeline.RunAsync(new FakeContext(), CancellationToken.None);

        Assert.Same(stop, result.Outcome);
        Assert.Equal(["web_hook https://h.example/a"], ran);
    }

    [Fact]
    public async Task RunAsync_PassesOverHooksWithoutAnExecutor()
    {
        var ran = new List<string>();
        var pipeline = Pipeline(new Recording(HookKind.RevokeActiveSessions, ran));

        await pipeline.RunAsync(new FakeContext(), CancellationToken.None);

        Assert.Equal(["revoke_active_sessions"], ran);
    }

    private static HookPipeline<IFakeHook, FakeContext> Pipeline(params IFakeHook[] executors) =>
        new(executors, new TestOptions(ConfigTestFiles.Load(Yaml).Options));

    internal interface IFakeHook : IHook<FakeContext>
    {
    }

    internal sealed class FakeContext : IHookContext
    {
        public FlowKind FlowKind => FlowKind.Recovery;

        public HookPhase Phase => HookPhase.After;

        public string Method => "code";
    }

    private sealed class Recording(HookKind kind, List<string> ran, FlowOutcome? abortWith = null) : IFakeHook
    {
        public HookKind Kind => kind;

        public Task<HookResult> RunAsync(FakeContext context, PlannedHook hook, CancellationToken ct)
        {
            ran.Add(hook.Entry!.Config is { } config ? "web_hook " + config.GetProperty("url").GetString() : hook.Entry.Hook);
            return Task.FromResult(abortWith is null ? HookResult.Continue : HookResult.Abort(abortWith));
        }
    }
}
