namespace Simulator.Planning.Overlays;

// A what-if overlay as written. Field meanings: docs/overlays.md and scenarios/schema/overlay.schema.json.

public sealed class OverlayFile
{
    public string Overlay { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? Scenario { get; set; }
    public List<OverlayChangeFile> Changes { get; set; } = [];
}

/// <summary>One change; its kind is the one action key it sets (see <see cref="ChangeKinds"/>).</summary>
public sealed class OverlayChangeFile
{
    public string? Why { get; set; }
    public string? Join { get; set; }
    public string? Leave { get; set; }
    public List<string>? States { get; set; }
    public string? Agreement { get; set; }
    public List<string>? Between { get; set; }
    public string? Source { get; set; }
    public string? Retention { get; set; }
    public List<string>? Categories { get; set; }
    public string? CentralAuthority { get; set; }
    public string? ContactPoint { get; set; }
    public int? Officers { get; set; }
    public string? QueueWait { get; set; }
    public string? Staffing { get; set; }
    public string? Capability { get; set; }
    public string? Provider { get; set; }
    public int? Capacity { get; set; }
    public string? ResponseTime { get; set; }
    public string? PreservationTime { get; set; }
    public bool? VoluntaryPreservation { get; set; }
    public double? EmergencyDisclosureRate { get; set; }
    public double? ForeignOrderComplianceRate { get; set; }
    public string? Instrument { get; set; }
    public string? ResponseDeadline { get; set; }
    public string? EmergencyDeadline { get; set; }
    public string? PreservationPeriod { get; set; }
    public string? PreservationExtension { get; set; }
    public string? Review { get; set; }
}
