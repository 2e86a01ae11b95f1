using Custos.Courier;
using Custos.IntegrationTests.Courier;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;

namespace Custos.IntegrationTests.Cli;

/// <summary><c>custos courier watch</c> as its own process sends what is queued in the database.</summary>
public sealed class CourierWatchProcessTests(MailDevServer mail) : IClassFixture<MailDevServer>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-courier-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task CourierWatch_SendsQueuedMessage_ThenStopsOnSigterm()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var dsn = $"sqlite://{_dir}/courier.db?_fk=true";
        var config = Path.Combine(_dir, "kratos.yml");
        await File.WriteAllTextAsync(config, $"""
            dsn: "{dsn}"
            selfservice:
              default_browser_return_url: http://127.0.0.1:4455/
            identity:
              schemas:
                - id: default
                  url: builtin://default
            courier:
              smtp:
                connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?disable_starttls=true
                from_address: custos@example.com
              worker:
                pull_wait: 200ms
            """);
        Assert.Equal(0, (await CustosProcess.RunAsync(["migrate", "sql", "-c", config, "--yes"])).Code);
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var id = Guid.NewGuid();
        using (var factory = new DbConnectionFactory(DatabaseTarget.Parse(dsn)))
        {
            await using var session = new DbSession(factory);
            var now = DateTime.UtcNow;
            now = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
            await new SqlCourierMessageStore(session, TimeProvider.System).EnqueueAsync(new CourierMessage
            {
                Id = id, Status = CourierMessageStatus.Queued, Type = CourierMessageType.Email, Recipient = recipient,
                Subject = "Your code", Body = "Use 424242", TemplateType = "login_code_valid", Channel = "email", CreatedAt = now, UpdatedAt = now,
            }, CancellationToken.None);
        }

        await using var worker = CustosProcess.Start(["courier", "watch", "-c", config]);
        var delivered = false;
        for (var i = 0; i < 100 && !delivered; i++)
        {
            await Task.Delay(200);
            delivered = (await mail.EmailsAsync()).Any(m => m!.ToJsonString().Contains(recipient, StringComparison.Ordinal));
        }

        var code = await worker.TerminateAsync();

        Assert.True(delivered, worker.Stdout + worker.Stderr);
        Assert.Equal(0, code);
    }
}
