namespace Simulator.Core.Common;

/// <summary>
/// A seat at the table: one authority (<see cref="Role"/>) of one state (<see cref="Jurisdiction"/>), written
/// "STATE/role" (e.g. "AL/prosecutor") wherever it is text: in decisions, the journal, codes and the hub.
/// </summary>
public readonly record struct Seat(string Jurisdiction, AuthorityRole Role)
{
    public static Seat Parse(string seat) =>
        TryParse(seat, out var parsed) ? parsed
        : throw new FormatException($"'{seat}' is not a seat: write STATE/role, with role one of {string.Join(", ", Enum.GetValues<AuthorityRole>().Select(r => Names.Kebab(r)))}");

    public static bool TryParse(string? text, out Seat seat)
    {
        seat = default;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash <= 0 || !Names.TryParse<AuthorityRole>(text![(slash + 1)..], out var role)) return false;
        seat = new Seat(text[..slash], role);
        return true;
    }

    public static bool TryParse(string? text, out string jurisdiction, out AuthorityRole role)
    {
        var ok = TryParse(text, out var seat);
        (jurisdiction, role) = (seat.Jurisdiction ?? "", seat.Role);
        return ok;
    }

    /// <summary>The state of a seat written as text, or null when the text is not a seat.</summary>
    public static string? JurisdictionOf(string? text) => TryParse(text, out var seat) ? seat.Jurisdiction : null;

    public override string ToString() => $"{Jurisdiction}/{Names.Kebab(Role)}";
}
