namespace Simulator.Web.Api;

/// <summary>
/// The headers every answer carries (issue 15 item 7, OWASP secure headers): the console runs only its own scripts
/// and connects only to its own server (content security policy), is never framed by another site (frame-ancestors,
/// X-Frame-Options against clickjacking), is not sniffed into another type (nosniff), and sends no referrer, so no
/// address leaves with the page. Styles may be inline: the Mermaid diagrams set theirs so.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
