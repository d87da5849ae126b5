using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Simulator.Grains.Contracts;
using Simulator.Grains.Storage;
using Simulator.Web.Api;
using Simulator.Web.Hubs;
using Simulator.Web.Live;

// One process: the Orleans silo (localhost clustering), the SignalR hub, the REST API and the pages, with
// exercises in a SQLite file. Configuration: Simulator:Data (folder, default ./data), Simulator:PowerLossSafe
// (flush every decision to disk, default false: decisions survive a killed process either way), Simulator:Scenarios,
// Orleans:SiloPort / Orleans:GatewayPort (defaults 11111 / 30000), Urls (default http://localhost:5000), the secret key
// and tokens (appsettings.json, docs/security.md). `reissue-key EXERCISE-ID` gives a trainer who lost their key a new one.
if (args.Length > 0 && Simulator.Web.Hosting.ServerCommands.Verbs.Contains(args[0])) return await Simulator.Web.Hosting.ServerCommands.RunAsync(args[0], args[1..]);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Simulator.Web.Hosting.ServerPaths.ConsoleFiles() });
// The project's appsettings.json (every setting, documented) wherever the server is started from, beneath every other
// source: an appsettings.json in the working folder, the environment and the command line override it.
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
{
    FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(builder.Environment.WebRootPath)!),
    Path = "appsettings.json",
    Optional = true,
    ReloadOnChange = false,
});
var urls = builder.Configuration["Urls"] is { Length: > 0 } u ? u : builder.Configuration["ASPNETCORE_URLS"];
if (string.IsNullOrEmpty(urls))
    builder.WebHost.UseUrls(urls = "http://localhost:5000");

var dataFolder = Simulator.Web.Hosting.ServerPaths.DataFolder(builder.Configuration);
// Codes, keys and tokens are stored as keyed hashes under this key, kept apart from the database (Access/SecretKeys).
Simulator.Grains.Access.SecretHasher secrets;
Simulator.Grains.Access.AccessSettings access;
Simulator.Web.Access.SignInSettings signIn;
IReadOnlyList<System.Net.IPNetwork> proxies;
Simulator.Web.Access.ThrottleLimits limits;
Simulator.Web.Hosting.DataFolderLock? folderLock = null;
try
{
    proxies = Simulator.Web.Access.Proxies.From(builder.Configuration);
    limits = Simulator.Web.Access.ThrottleLimits.From(builder.Configuration);
    secrets = Simulator.Web.Access.SecretKeys.Load(builder.Configuration, dataFolder);
    access = Simulator.Web.Access.SecretKeys.Access(builder.Configuration);
    signIn = Simulator.Web.Access.SignInSettings.From(builder.Configuration);
    // One server per data folder (Hosting/DataFolderLock), taken before anything in it is opened.
    folderLock = Simulator.Web.Hosting.DataFolderLock.Take(dataFolder);
    // The data folder is opened now, so that a key it was not hashed under is said before the server starts.
    _ = new SqliteExerciseStore(Simulator.Web.Hosting.ServerPaths.Database(dataFolder), secrets);
}
catch (Exception e) when (e is Simulator.Grains.Access.SecretKeyException or ArgumentException)
{
    folderLock?.Dispose();
    Console.Error.WriteLine($"simulator: cannot start: {e.Message}");
    return 2;
}
builder.Services.AddSingleton(Simulator.Grains.Exercises.ExerciseWallClock.System);
builder.Services.AddSingleton<ScenarioLibrary>();
builder.Services.AddSingleton<Debrief>();
builder.Services.AddSingleton(new Presence(TimeProvider.System));
// Wrong codes, keys and passwords, throttled with back-off per connection, per address and per target (Access/AttemptThrottle; limits in appsettings.json).
builder.Services.AddSingleton(new Simulator.Web.Access.AttemptThrottle(TimeProvider.System, limits));
builder.Services.AddSingleton<ExerciseNotifier>();
// Organisers (Simulator:SignIn:Mode local; Api/OrganiserApi): a cookie for 12 hours, HttpOnly and SameSite=Strict (no
// other site can send it), answered 401/403 rather than redirected, and checked on every request against the account
// (a new password or a removed account ends it). Its keys live in memory only: nothing on disk can forge one, and
// organisers sign in again after a restart.
builder.Services.AddSingleton(signIn);
builder.Services.AddDataProtection().SetApplicationName("simulator").UseEphemeralDataProtectionProvider();
var authentication = builder.Services.AddAuthentication(Simulator.Web.Access.SignInSettings.Scheme);
// Organisers of an organisation with an identity provider sign in there (Access/OidcSignIn).
if (signIn.Oidc is { } oidc) Simulator.Web.Access.OidcSignIn.Add(authentication, signIn, oidc);
authentication.AddCookie(Simulator.Web.Access.SignInSettings.Scheme, o =>
{
    o.Cookie.Name = "simulator-organiser";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    // Behind a TLS proxy the server sees plain HTTP: SecureCookie makes the browser send the cookie over HTTPS only.
    o.Cookie.SecurePolicy = signIn.SecureCookie ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always : Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
    o.ExpireTimeSpan = TimeSpan.FromHours(12);
    o.SlidingExpiration = false;
    o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
    o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
    o.Events.OnValidatePrincipal = OrganiserApi.ValidateAsync;
});
builder.Services.AddHostedService<ExerciseNotifierService>();
// The hub speaks the journal's JSON style: instants in UTC with "Z", ISO 8601 durations, kebab-case enums.
// Messages up to HubLimits.MessageBytes (128 KB) are read, so that an oversized argument is refused by name (its field's limit)
// instead of the connection being dropped; past it, SignalR closes the connection (docs/hub.md).
builder.Services.AddSignalR(o => { o.AddFilter<Simulator.Web.Hubs.RefusalLogging>(); o.MaximumReceiveMessageSize = Simulator.Web.Hubs.HubLimits.MessageBytes; }).AddJsonProtocol(o => o.PayloadSerializerOptions = new System.Text.Json.JsonSerializerOptions(Simulator.Core.Journal.JournalJson.Options));
// The REST API speaks the same JSON style (UTC "Z" instants, ISO 8601 durations, no nulls).
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
    foreach (var converter in Simulator.Core.Journal.JournalJson.Options.Converters) o.SerializerOptions.Converters.Add(converter);
});
builder.Services.AddOpenApi();
// Every 4xx and 5xx answers with problem details (RFC 9457); a body that cannot be read names its field (Api/BadRequests).
builder.Services.AddProblemDetails();
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// The log levels are in appsettings.json: no line per request, Orleans and Polly at Warning, and no dispatcher log
// (Hubs/RefusalLogging logs refusals as information and faults as errors; the dispatcher would log every refused
// action as an error with a stack trace).

var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
var gatewayPort = builder.Configuration.GetValue("Orleans:GatewayPort", 30000);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: gatewayPort);
    silo.Services.AddCoreTypeSerialization();
    silo.AddSqliteExerciseStorage(Simulator.Web.Hosting.ServerPaths.Database(dataFolder), secrets, builder.Configuration.GetValue("Simulator:PowerLossSafe", false), access);
});

var app = builder.Build();
app.Lifetime.ApplicationStopped.Register(folderLock.Dispose); // a server started in a test process lets the folder go when it stops
// Behind the reverse proxies named in Simulator:ForwardedHeaders:KnownProxies, the client's address and scheme come
// from the proxy's headers (Access/Proxies): first, so that everything after sees them.
if (proxies.Count > 0) app.UseForwardedHeaders(Simulator.Web.Access.Proxies.Options(proxies));
// A body the API cannot read is the client's mistake, answered 400 and not logged as a fault (it would let anyone fill
// the log with stack traces); BadRequests logs the real faults.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    ExceptionHandler = BadRequests.Write,
    SuppressDiagnosticsCallback = _ => true,
});
app.UseStatusCodePages();
app.UseMiddleware<SecurityHeaders>();
// The console: static pages and scripts in wwwroot (no build step; libraries vendored by web/refresh-libs.sh). Before
// authentication: they are the same for everyone, and a page load's twenty files need not each look the organiser up.
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.MapOpenApi();
app.MapExerciseApi();
app.MapOrganiserApi();
app.MapDebriefApi();
app.MapHub<ExerciseHub>("/hubs/exercise");
try
{
    app.Run();
    return 0;
}
catch (Exception e) when (AddressInUse(e))
{
    // A second server on the same machine, or a port another program holds: say which ports, not a stack trace.
    Console.Error.WriteLine($"simulator: cannot start: a port is already in use (web {urls}, " +
        $"Orleans silo {siloPort}, Orleans gateway {gatewayPort}); choose others with --urls, --Orleans:SiloPort and --Orleans:GatewayPort");
    return 2;
}

static bool AddressInUse(Exception? e)
{
    for (; e is not null; e = e.InnerException)
        if (e is Microsoft.AspNetCore.Connections.AddressInUseException
            || e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            return true;
    return false;
}

/// <summary>Visible to tests that host the app.</summary>
public partial class Program;
