using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Simulator.Web.Hubs;

namespace Simulator.Web.Tests;

/// <summary>Refused hub calls are information, one line; faults stay errors with their exception.</summary>
public class RefusalLoggingTests
{
    private sealed class Recorder : ILogger<RefusalLogging>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception), exception));
    }

    private sealed class Caller : HubCallerContext
    {
        public override string ConnectionId => "c1";
        public override string? UserIdentifier => null;
        public override System.Security.Claims.ClaimsPrincipal? User => null;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class SomeHub : Hub
    {
        public void Act() { }
    }

    private static HubInvocationContext Invocation() =>
        new(new Caller(), new EmptyServices(), new SomeHub(), typeof(SomeHub).GetMethod(nameof(SomeHub.Act))!, []);

    [Fact]
    public async Task A_refusal_is_logged_as_information_and_a_fault_as_an_error()
    {
        var log = new Recorder();
        var filter = new RefusalLogging(log);
        await Assert.ThrowsAsync<HubException>(async () => await filter.InvokeMethodAsync(Invocation(), _ => throw new HubException("refused: observers may not act")));
        var refused = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Information, refused.Level);
        Assert.Contains("Refused Act on connection c1: refused: observers may not act", refused.Message);
        Assert.Null(refused.Exception);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await filter.InvokeMethodAsync(Invocation(), _ => throw new InvalidOperationException("boom")));
        Assert.Equal(LogLevel.Error, log.Lines[1].Level);
        Assert.IsType<InvalidOperationException>(log.Lines[1].Exception);
    }
}
