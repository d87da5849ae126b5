namespace Simulator.Web.Access;

/// <summary>
/// Whether creating and listing exercises needs an organiser's sign-in (Simulator:SignIn:Mode): "none", the embedded
/// default (one command on localhost, anyone who reaches the server creates exercises), or "local" (accounts made
/// with the server's command line, `add-organiser`, kept in the database).
/// </summary>
public sealed record SignInSettings(bool Required, bool SecureCookie = false)
{
    public const string Scheme = "organiser";

    public static SignInSettings From(IConfiguration configuration)
    {
        bool secure;
        try { secure = configuration.GetValue("Simulator:SignIn:SecureCookie", false); }
        catch (InvalidOperationException) { throw new ArgumentException("Simulator:SignIn:SecureCookie: true or false"); }
        return (configuration["Simulator:SignIn:Mode"] ?? "none").Trim().ToLowerInvariant() switch
        {
            "none" or "" => new(false, secure),
            "local" => new(true, secure),
            var other => throw new ArgumentException($"Simulator:SignIn:Mode: \"none\" or \"local\", not \"{Simulator.Core.Common.Echo.Clip(other)}\""),
        };
    }
}
