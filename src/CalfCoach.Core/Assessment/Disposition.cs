namespace CalfCoach.Core.Assessment;

/// <summary>
/// How urgently the runner should get help. The numeric order is the order of urgency, so
/// the most urgent of several dispositions is simply the maximum.
/// </summary>
/// <remarks>EVIDENCE.md section 0: the four-level scale every triage rule maps to.</remarks>
public enum Disposition
{
    /// <summary>Home care is reasonable; review on a set date and escalate if anything changes.</summary>
    SelfCare = 0,

    /// <summary>Book a doctor or physiotherapist within days; no running meanwhile.</summary>
    SeeClinician = 1,

    /// <summary>Get medical help today.</summary>
    Urgent = 2,

    /// <summary>Call the emergency number or go to the emergency department now.</summary>
    Emergency = 3,
}

public static class DispositionExtensions
{
    /// <summary>The stable word used on the wire (JSON, CLI, web): part of the public contract.</summary>
    public static string WireName(this Disposition disposition) => disposition switch
    {
        Disposition.Emergency => "emergency",
        Disposition.Urgent => "urgent",
        Disposition.SeeClinician => "see-clinician",
        Disposition.SelfCare => "self-care",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
    };

    /// <summary>A short headline a runner understands at a glance.</summary>
    public static string Headline(this Disposition disposition) => disposition switch
    {
        Disposition.Emergency => "Emergency: call for help now",
        Disposition.Urgent => "Urgent: get medical help today",
        Disposition.SeeClinician => "See a clinician within the next few days",
        Disposition.SelfCare => "Self-care at home, with a review date",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
    };

    /// <summary>True when coaching (training, strength, stretching) must not be shown.</summary>
    public static bool ForbidsCoaching(this Disposition disposition) => disposition >= Disposition.Urgent;

    public static Disposition MostUrgent(Disposition a, Disposition b) => a >= b ? a : b;
}
