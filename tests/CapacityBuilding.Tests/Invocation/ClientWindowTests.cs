using CapacityBuilding.Contracts.Transport;

namespace CapacityBuilding.Tests.Invocation;

/// <summary>
/// The services' calls to each other, in both invocation modes, go through a handler with
/// <see cref="Http2ClientHandler"/>'s stream window, the workaround for Kestrel losing the
/// response after a large one (dotnet/aspnetcore#53736).
/// </summary>
public sealed class ClientWindowTests
{
    [Theory]
    [InlineData("Direct")]
    [InlineData("Dapr")]
    public void Cross_service_clients_open_streams_with_the_large_window(string mode)
    {
        var primary = CrossServiceHandler.Primary(mode);
        Assert.Equal(Http2ClientHandler.InitialStreamWindowSize, primary.InitialHttp2StreamWindowSize);
        Assert.True(primary.EnableMultipleHttp2Connections);
    }
}
