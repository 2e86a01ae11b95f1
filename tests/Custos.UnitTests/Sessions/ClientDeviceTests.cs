using System.Net;
using Custos.Sessions;
using Microsoft.AspNetCore.Http;

namespace Custos.UnitTests.Sessions;

public sealed class ClientDeviceTests
{
    private static DefaultHttpContext Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context;
    }

    [Fact]
    public void TrueClientIp_WinsOverEverything()
    {
        var context = Request(("True-Client-IP", "203.0.113.1"), ("Cf-Connecting-IP", "203.0.113.2"), ("X-Real-IP", "203.0.113.3"), ("X-Forwarded-For", "203.0.113.4"));

        Assert.Equal("203.0.113.1", ClientDevice.IpAddress(context));
    }

    [Fact]
    public void CfConnectingIp_BeforeXRealIp()
    {
        var context = Request(("Cf-Connecting-IP", "203.0.113.2"), ("X-Real-IP", "203.0.113.3"), ("X-Forwarded-For", "203.0.113.4"));

        Assert.Equal("203.0.113.2", ClientDevice.IpAddress(context));
    }

    [Fact]
    public void XRealIp_BeforeForwardedFor()
    {
        var context = Request(("X-Real-IP", "203.0.113.3"), ("X-Forwarded-For", "203.0.113.4"));

        Assert.Equal("203.0.113.3", ClientDevice.IpAddress(context));
    }

    [Fact]
    public void ForwardedFor_TakesTheFirstPublicAddress()
    {
        var context = Request(("X-Forwarded-For", "10.0.0.1, 192.168.1.1, 127.0.0.1, fd00::1, 198.51.100.7, 203.0.113.9"));

        Assert.Equal("198.51.100.7", ClientDevice.IpAddress(context));
    }

    [Fact]
    public void OnlyPrivateForwardedFor_FallsBackToTheRemoteAddress()
    {
        var context = Request(("X-Forwarded-For", "10.0.0.1, 172.16.0.1"));

        Assert.Equal("10.1.2.3", ClientDevice.IpAddress(context));
    }

    [Fact]
    public void Device_CarriesUserAgentAndCloudflareLocation()
    {
        var context = Request(("User-Agent", "curl/8"), ("Cf-Ipcity", "Berlin"), ("Cf-Ipcountry", "DE"));

        var device = ClientDevice.From(context);

        Assert.Equal("curl/8", device.UserAgent);
        Assert.Equal("Berlin, DE", device.Location);
        Assert.Equal("10.1.2.3", device.IpAddress);
        Assert.NotEqual(Guid.Empty, device.Id);
    }

    [Fact]
    public void Device_WithoutLocationHeaders_HasEmptyLocation()
    {
        Assert.Equal("", ClientDevice.From(Request()).Location);
    }
}
