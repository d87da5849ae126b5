namespace Simulator.Web.Access;

/// <summary>
/// Whether creating and listing exercises needs an organiser's sign-in (Simulator:SignIn:Mode), and how: "none", the
/// embedded default (one command on localhost, anyone who reaches the server creates exercises); "local" (accounts
/// made with the server's command line, `add-organiser`, kept in the database); "oidc" (the organisation's identity
/// provider, <see cref="OidcSettings"/>); or "local,oidc" (both: a local account kept for when the provider is down).
/// </summary>
public sealed record SignInSettings(bool Required, bool SecureCookie = false, bool Local = true, OidcSettings? Oidc = null)
{
    public const string Scheme = "organiser";

    public static SignInSettings From(IConfiguration configuration)
    {
        bool secure;
        try { secure = configuration.GetValue("Simulator:SignIn:SecureCookie", false); }
        catch (InvalidOperationException) { throw new ArgumentException("Simulator:SignIn:SecureCookie: true or false"); }
        var mode = (configuration["Simulator:SignIn:Mode"] ?? "none").Trim().ToLowerInvariant();
        var ways = mode.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        if (ways.Count == 0 || ways.SetEquals(["none"])) return new(false, secure, Local: false);
        if (!ways.IsSubsetOf(["local", "oidc"]))
            throw new ArgumentException($"Simulator:SignIn:Mode: \"none\", \"local\", \"oidc\" or \"local,oidc\", not \"{Simulator.Core.Common.Echo.Clip(mode)}\"");
        return new(true, secure, ways.Contains("local"), ways.Contains("oidc") ? OidcSettings.From(configuration) : null);
    }
}

/// <summary>
/// Organisers signing in at the organisation's OpenID Connect provider (Keycloak, Entra ID), Simulator:SignIn:Oidc:
/// the authorization code flow with PKCE, the server a confidential client. <see cref="NameClaim"/> names the organiser
/// (their exercises are listed by it); <see cref="RequiredClaim"/>, when set, is the claim and value an account must
/// carry to be an organiser (a role or group given in the provider), so that not everyone in the organisation is one.
/// </summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string NameClaim, (string Type, string Value)? RequiredClaim,
    string DisplayName, bool RequireHttps, IReadOnlyList<string> Scopes)
{
    public const string Scheme = "oidc";

    public static OidcSettings From(IConfiguration configuration)
    {
        const string at = "Simulator:SignIn:Oidc";
        var section = configuration.GetSection(at);
        var requireHttps = Flag(section, "RequireHttps", true);
        if (!Uri.TryCreate(section["Authority"]?.Trim(), UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            throw new ArgumentException($"{at}:Authority: the provider's issuer address (https://login.example/realms/training), not '{Simulator.Core.Common.Echo.Clip(section["Authority"])}'");
        if (authority.Scheme == "http" && requireHttps)
            throw new ArgumentException($"{at}:Authority: an https address ({at}:RequireHttps false allows http, for a provider on this machine only)");
        // Over plain HTTP anyone on the way could serve their own keys and sign anyone in: only a provider on this machine.
        if (authority.Scheme == "http" && !authority.IsLoopback)
            throw new ArgumentException($"{at}:Authority: an https address: http is allowed for a provider on this machine only (localhost), not {authority.Host}");
        var clientId = section["ClientId"]?.Trim();
        if (string.IsNullOrEmpty(clientId)) throw new ArgumentException($"{at}:ClientId: the client id this server is registered under at the provider");
        var nameClaim = section["NameClaim"]?.Trim() is { Length: > 0 } n ? n : "preferred_username";
        (string, string)? required = null;
        if (section["RequiredClaim"]?.Trim() is { Length: > 0 } claim)
        {
            var parts = claim.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new ArgumentException($"{at}:RequiredClaim: type=value (roles=simulator-organiser), not '{Simulator.Core.Common.Echo.Clip(claim)}'");
            required = (parts[0], parts[1]);
        }
        var scopes = section.GetSection("Scopes").GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(s => s.Length > 0).ToList();
        return new(section["Authority"]!.Trim(), clientId, section["ClientSecret"], nameClaim, required,
            section["DisplayName"]?.Trim() is { Length: > 0 } d ? d : "your organisation's sign-in", requireHttps, scopes.Count > 0 ? scopes : ["openid", "profile"]);
    }

    private static bool Flag(IConfigurationSection section, string name, bool byDefault)
    {
        try { return section.GetValue(name, byDefault); }
        catch (InvalidOperationException) { throw new ArgumentException($"{section.Path}:{name}: true or false"); }
    }

    /// <summary>What a provider's organiser is stored under instead of a password hash: the issuer and subject, which no password can match.</summary>
    public static string Marker(string issuer, string subject) => $"oidc${issuer}${subject}";
}
