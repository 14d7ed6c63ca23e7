using CalfCoach.Core.Analysis;

namespace CalfCoach.Report;

/// <summary>What the report needs besides the analysis: nothing in the renderer reads a clock or a file.</summary>
public sealed record ReportOptions
{
    /// <summary>The options for a runner's own report: the profile's shoe thresholds and unit, default settings.</summary>
    public static ReportOptions For(AthleteProfile profile, DateOnly generatedOn)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ReportOptions
        {
            GeneratedOn = generatedOn,
            ShoeReviewKilometers = profile.ShoeReviewKilometers,
            ShoeReplaceKilometers = profile.ShoeReplaceKilometers,
            Units = profile.Units,
        };
    }

    /// <summary>The date printed as "generated on"; the caller reads the clock (a <see cref="TimeProvider"/> in the CLI).</summary>
    public required DateOnly GeneratedOn { get; init; }

    /// <summary>The settings the analysis ran with, so the charts draw the same thresholds the findings used.</summary>
    public AnalysisSettings Settings { get; init; } = AnalysisSettings.Default;

    /// <summary>Shoe distance at which to review a shoe (the profile's <see cref="AthleteProfile.ShoeReviewKilometers"/>).</summary>
    public double ShoeReviewKilometers { get; init; } = 500;

    /// <summary>Shoe distance by which to replace a shoe (the profile's <see cref="AthleteProfile.ShoeReplaceKilometers"/>).</summary>
    public double ShoeReplaceKilometers { get; init; } = 800;

    /// <summary>The unit distances and paces are shown in (the profile's <see cref="AthleteProfile.Units"/>); the data stay metric.</summary>
    public DistanceUnit Units { get; init; } = DistanceUnit.Kilometers;

    /// <summary>
    /// The time charts show this many weeks up to the as-of date (26 keeps a 10-year history readable on paper);
    /// null shows the whole history. The findings and the shoe chart are never cut.
    /// </summary>
    public int? ChartWeeks { get; init; } = 26;

    /// <summary>A note printed under the title, e.g. that the data are generated demo data.</summary>
    public string? DataNote { get; init; }

    public string Title { get; init; } = "CalfCoach training report";

    /// <summary>The document's <c>lang</c> attribute (BCP 47). The report text itself is English.</summary>
    public string Language { get; init; } = "en";
}
