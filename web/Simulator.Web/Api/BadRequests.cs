using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Simulator.Web.Api;

/// <summary>
/// What the API answers to a request it cannot read or a fault it did not expect: problem details that say what and
/// where (the field of a body that is not valid, the line and position of one that is not JSON), never a stack trace,
/// never more of the input than a short prefix. Faults are logged; their details stay in the server log.
/// </summary>
public static class BadRequests
{
    public static async Task Write(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, detail) = error switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad)),
            _ => (StatusCodes.Status500InternalServerError, "the server failed to answer; the fault is in its log"),
        };
        if (status >= 500)
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Simulator.Web.Api").LogError(error, "unexpected fault answering {Path}", context.Request.Path);
        await Results.Problem(detail, statusCode: status).ExecuteAsync(context);
    }

    private static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            return field is not null
                ? $"{field}: not a valid value (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1} of the body)"
                : $"the body is not valid JSON (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1})";
        }
        return bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? "send the body as application/json" : "the request could not be read: send a JSON body as the API's documentation shows";
    }
}
