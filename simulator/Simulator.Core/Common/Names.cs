using System.Text;

namespace Simulator.Core.Common;

/// <summary>Kebab-case names for enums, as written in scenario files, the catalogue and the journal.</summary>
public static class Names
{
    /// <summary>Cached per enum value: the journal names states and triggers on every transition.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum => KebabCache<T>.Names.TryGetValue(value, out var name) ? name : Kebab(value.ToString());

    private static class KebabCache<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => Kebab(v.ToString()));
    }

    public static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0) sb.Append('-');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool TryParse<T>(string kebab, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Kebab(candidate) == kebab) { value = candidate; return true; }
        }
        value = default;
        return false;
    }

    public static T Parse<T>(string kebab) where T : struct, Enum =>
        TryParse<T>(kebab, out var v) ? v : throw new FormatException($"'{kebab}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(x => Kebab(x)))}");

    public static string Seat(string jurisdiction, AuthorityRole role) => $"{jurisdiction}/{Kebab(role)}";
}
