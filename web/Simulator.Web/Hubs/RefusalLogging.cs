using Microsoft.AspNetCore.SignalR;

namespace Simulator.Web.Hubs;

/// <summary>
/// A refused hub call (a HubException: a forbidden action, a bad code) is the contract working, not a server fault:
/// it is logged as information, one line. Anything else that escapes a hub method is a fault and is logged as an
/// error with its stack. SignalR's own dispatcher log, which would log both as errors, is silenced in appsettings.json.
/// </summary>
public sealed class RefusalLogging(ILogger<RefusalLogging> log) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (HubException e)
        {
            log.LogInformation("Refused {Method} on connection {Connection}: {Reason}", context.HubMethodName, context.Context.ConnectionId, e.Message);
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Hub method {Method} failed on connection {Connection}", context.HubMethodName, context.Context.ConnectionId);
            throw;
        }
    }
}
