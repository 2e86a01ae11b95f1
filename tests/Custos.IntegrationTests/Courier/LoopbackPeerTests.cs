using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Custos.Courier.Channels;

namespace Custos.IntegrationTests.Courier;

/// <summary>The SMTP tunnel's check that a loopback connection comes from this process and not another one.</summary>
public sealed class LoopbackPeerTests
{
    [Fact]
    public async Task AConnectionFromThisProcess_IsOwn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);

        using var accepted = await listener.AcceptTcpClientAsync();

        Assert.True(LoopbackPeer.IsOwnProcess(accepted.Client));
    }

    [Fact]
    public async Task AConnectionFromAnotherProcess_IsNotOwn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var other = Process.Start(new ProcessStartInfo("bash", ["-c", $"exec 3<>/dev/tcp/127.0.0.1/{port}; sleep 10"]) { UseShellExecute = false })!;
        try
        {
            using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));

            Assert.False(LoopbackPeer.IsOwnProcess(accepted.Client));
        }
        finally
        {
            other.Kill(entireProcessTree: true);
        }
    }
}
