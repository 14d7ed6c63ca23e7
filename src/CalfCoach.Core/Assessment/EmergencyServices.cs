namespace CalfCoach.Core.Assessment;

/// <summary>
/// Who to call in one country: the number that sends an ambulance, and where same-day care comes from. Every emergency
/// and urgent line takes its numbers from here, so a runner sees their own country's numbers, and the common numbers
/// stay named for runners abroad.
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-2 code, or empty for the neutral default.</param>
/// <param name="Emergency">The number to dial for an ambulance, as it is dialled.</param>
/// <param name="SameDayCare">Where to get help today when it is not an emergency, in the country's own terms.</param>
public sealed record EmergencyServices(string Country, string Name, string Emergency, string SameDayCare)
{
    /// <summary>The numbers named for a runner whose country is not known, or who is abroad.</summary>
    public const string CommonNumbers = "112 in Europe and on most mobiles, 911 in North America, 999 in the UK, 000 in Australia";

    /// <summary>Used when the profile names no country: it names the common numbers instead of guessing one.</summary>
    public static EmergencyServices Neutral { get; } = new(string.Empty, "your country", string.Empty,
        "an urgent same-day appointment with a doctor, an urgent care or minor injuries centre, or your health advice line");

    /// <summary>True when there is one number to show (and a tap-to-call link).</summary>
    public bool HasNumber => Emergency.Length > 0;

    /// <summary>"999" for a known country; the common numbers otherwise.</summary>
    public string EmergencyNumberText => HasNumber ? Emergency : $"your local emergency number ({CommonNumbers})";

    // Numbers from each country's official emergency-services pages (docs/EVIDENCE-NOTES.md, "Emergency numbers").
    private static readonly EmergencyServices[] Table =
    [
        new("GB", "the United Kingdom", "999", "NHS 111 (call 111 or use 111 online) or an urgent GP appointment"),
        new("IE", "Ireland", "112", "your GP's same-day or out-of-hours service, or an injury unit"),
        new("US", "the United States", "911", "an urgent care center, or a same-day visit with your doctor"),
        new("CA", "Canada", "911", "a walk-in or urgent care clinic, or your provincial health line (811 in most provinces)"),
        new("AU", "Australia", "000", "healthdirect (1800 022 222), your GP, or an urgent care clinic"),
        new("NZ", "New Zealand", "111", "Healthline (0800 611 116), your GP, or an urgent care clinic"),
        new("FR", "France", "15", "your doctor the same day, or the out-of-hours medical line 116 117 where it runs"),
        new("DE", "Germany", "112", "the on-call medical service 116117, or your doctor the same day"),
        new("AT", "Austria", "144", "the health line 1450, or your doctor the same day"),
        new("CH", "Switzerland", "144", "your doctor or a walk-in clinic the same day"),
        new("NL", "the Netherlands", "112", "your GP the same day, or the GP out-of-hours service (huisartsenpost)"),
        new("BE", "Belgium", "112", "your GP the same day, or the on-call GP service 1733"),
        new("ES", "Spain", "112", "your health centre's same-day care (urgencias de atención primaria)"),
        new("IT", "Italy", "112", "your doctor the same day, or the out-of-hours medical service (guardia medica)"),
        new("PT", "Portugal", "112", "SNS 24 (808 24 24 24), or your health centre the same day"),
        new("SE", "Sweden", "112", "1177 Vårdguiden, or a health centre (vårdcentral) the same day"),
        new("NO", "Norway", "113", "the out-of-hours clinic (legevakt, 116117)"),
        new("DK", "Denmark", "112", "your doctor the same day, or the out-of-hours doctor (lægevagt)"),
        new("FI", "Finland", "112", "the medical helpline 116117, or a health centre the same day"),
        new("JP", "Japan", "119", "a clinic the same day, or the emergency consultation line #7119 where it runs"),
        new("SG", "Singapore", "995", "a GP or polyclinic the same day"),
        new("HK", "Hong Kong", "999", "a GP or a general out-patient clinic the same day"),
        new("IN", "India", "112", "a doctor or hospital out-patient clinic the same day"),
        new("ZA", "South Africa", "10177", "a doctor or clinic the same day (112 also works from mobile phones)"),
    ];

    private static readonly Dictionary<string, EmergencyServices> ByCountry =
        Table.ToDictionary(s => s.Country, StringComparer.OrdinalIgnoreCase);

    /// <summary>The countries the table knows, for the profile's country choice.</summary>
    public static IReadOnlyList<EmergencyServices> Known => Table;

    /// <summary>The services for a country code; the neutral default for none or an unknown one.</summary>
    public static EmergencyServices For(string? country) =>
        country is not null && ByCountry.TryGetValue(country, out var services) ? services : Neutral;

    public static bool IsKnown(string? country) => country is not null && ByCountry.ContainsKey(country);
}
