using Simulator.Grains.Access;
using Simulator.Grains.Storage;
using Simulator.Web.Access;

namespace Simulator.Web.Hosting;

/// <summary>
/// The server's command line besides serving (`Simulator.Web COMMAND ...`, with the same --Simulator:Data and key
/// settings as the server, which may be running): reissue-key, add-organiser, audit. Each says what it did, or what
/// is wrong, in one line; none prints a secret it was given.
/// </summary>
public static class ServerCommands
{
    public static readonly string[] Verbs = [ReissueKeyCommand.Verb, "add-organiser", "remove-organiser", "audit"];

    public static async Task<int> RunAsync(string verb, string[] args)
    {
        try
        {
            return verb switch
            {
                ReissueKeyCommand.Verb => await ReissueKeyCommand.RunAsync(args),
                "add-organiser" => await AddOrganiserAsync(args),
                "remove-organiser" => await RemoveOrganiserAsync(args),
                _ => await AuditAsync(args),
            };
        }
        catch (Exception e) when (e is SecretKeyException or ArgumentException or DuplicateOrganiserException)
        {
            Console.Error.WriteLine($"simulator: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            // The data folder cannot be read or written (permissions, a full disk, a lock held too long): what, not a stack trace.
            Console.Error.WriteLine($"simulator: {e.Message}");
            return 1;
        }
    }

    /// <summary>The settings the server would read (its appsettings.json, the working folder's, the environment, these arguments).</summary>
    public static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Path.GetDirectoryName(ServerPaths.ConsoleFiles())!, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    /// <summary>The server's store and key, or null (said) when its data folder has no database yet.</summary>
    public static (SqliteExerciseStore Store, SecretHasher Hasher, string DataFolder)? Open(IConfiguration configuration)
    {
        var dataFolder = ServerPaths.DataFolder(configuration);
        var database = ServerPaths.Database(dataFolder);
        if (!File.Exists(database))
        {
            Console.Error.WriteLine($"simulator: no data folder at {dataFolder} (give --Simulator:Data, or start the server there once)");
            return null;
        }
        var hasher = SecretKeys.Load(configuration, dataFolder);
        return (new SqliteExerciseStore(database, hasher), hasher, dataFolder);
    }

    /// <summary>`add-organiser NAME [--replace]`: an organiser account, its password read from the first line of standard input (never an argument, which other users of the machine can see).</summary>
    private static async Task<int> AddOrganiserAsync(string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("usage: echo PASSWORD | Simulator.Web add-organiser NAME [--replace] [--Simulator:Data FOLDER]");
            return 2;
        }
        var name = Passwords.Normal(args[0]);
        var replace = args.Contains("--replace");
        if (Passwords.NameProblem(name) is { } nameProblem) throw new ArgumentException(nameProblem);
        var password = Console.In.ReadLine();
        if (Passwords.Problem(password) is { } problem) throw new ArgumentException($"{problem} (read from the first line of standard input)");
        var configuration = Configuration([.. args[1..].Where(a => a != "--replace")]);
        // Accounts may be made before the server's first start: the data folder and its key are made then.
        var dataFolder = ServerPaths.DataFolder(configuration);
        var store = new SqliteExerciseStore(ServerPaths.Database(dataFolder), SecretKeys.Load(configuration, dataFolder));
        var existed = await store.FindOrganiserAsync(name) is not null;
        await store.AddOrganiserAsync(new StoredOrganiser(name, Passwords.Hash(password!), DateTimeOffset.UtcNow), replace);
        await store.AuditAsync(new AuditEntry(DateTimeOffset.UtcNow, existed ? "organiser-password-set" : "organiser-added", name, Detail: "from the command line"));
        Console.WriteLine($"{(existed ? $"organiser {name}: password set (their sign-ins end)" : $"organiser {name} added")}, in {dataFolder}");
        return 0;
    }

    /// <summary>`remove-organiser NAME`: the account goes, and with it every sign-in of theirs (each request checks the account); their exercises stay.</summary>
    private static async Task<int> RemoveOrganiserAsync(string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith('-'))
        {
            Console.Error.WriteLine("usage: Simulator.Web remove-organiser NAME [--Simulator:Data FOLDER]");
            return 2;
        }
        var name = Passwords.Normal(args[0]);
        if (Open(Configuration(args[1..])) is not var (store, _, dataFolder)) return 1;
        if (!await store.RemoveOrganiserAsync(name))
        {
            Console.Error.WriteLine($"simulator: no organiser '{Simulator.Core.Common.Echo.Clip(name)}' in {dataFolder}");
            return 1;
        }
        await store.AuditAsync(new AuditEntry(DateTimeOffset.UtcNow, "organiser-removed", name, Detail: "from the command line"));
        Console.WriteLine($"organiser {name} removed: their sign-ins end; their exercises stay, with their keys and codes");
        return 0;
    }

    /// <summary>`audit [--organiser NAME] [--max N]`: the audit log, oldest first, one line per entry.</summary>
    private static async Task<int> AuditAsync(string[] args)
    {
        var configuration = Configuration(args);
        if (Open(configuration) is not { } opened) return 1;
        var max = int.TryParse(configuration["max"], out var m) ? m : 1000;
        foreach (var e in await opened.Store.AuditLogAsync(configuration["organiser"], max))
            Console.WriteLine(string.Join('\t', e.At.ToString("u"), e.Kind, e.Organiser ?? "-", e.ExerciseId ?? "-", e.Address ?? "-",
                Printable(e.Detail ?? "")));
        return 0;
    }

    /// <summary>A detail as the terminal may show it: control characters written as \uXXXX (a name given in a console could hold any).</summary>
    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is '\u202E' or '\u202D' or '\u2066' or '\u2067' or '\u2068' or '\u2069' ? $"\\u{(int)c:X4}" : c.ToString()));
}
