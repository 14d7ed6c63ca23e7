using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Storage;

namespace CalfCoach.Import.History;

/// <summary>
/// The runner's stored history as the analysis sees it: run features (recomputed where missing or
/// stale), shoes with the runs assigned to them by hand, and the athlete profile.
/// </summary>
public sealed class TrainingHistory(Database database)
{
    private readonly ActivityStore _activities = new(database);
    private readonly ProfileStore _profiles = new(database);

    /// <summary>
    /// Computes features for activities that have none of the current version: imported before
    /// features existed, written by an older extractor, or interrupted between the activity and its features.
    /// </summary>
    /// <returns>How many were computed.</returns>
    public int Backfill()
    {
        var missing = _profiles.ActivitiesMissingFeatures(RunFeaturesJson.Version);
        foreach (var id in missing)
        {
            if (_activities.LoadActivity(id) is { } activity)
            {
                _profiles.SaveFeatures(id, RunFeaturesJson.Version, RunFeaturesJson.Serialize(RunFeatureExtractor.Extract(activity)));
            }
        }

        return missing.Count;
    }

    /// <summary>Every stored activity's features, oldest first; a shoe assigned by hand overrides the source's gear name.</summary>
    public IReadOnlyList<RunFeatures> LoadRuns()
    {
        Backfill();
        var assigned = _profiles.ShoeAssignments();
        return _profiles.LoadFeatures()
            .Select(row => (row, features: RunFeaturesJson.Deserialize(row.Json)))
            .Select(x => assigned.TryGetValue(x.row.ActivityId, out var shoe) ? x.features with { Gear = shoe } : x.features)
            .ToArray();
    }

    public AthleteProfile LoadProfile() =>
        _profiles.LoadProfileJson() is { } json ? AthleteProfileJson.Deserialize(json) : AthleteProfile.Default;

    public void SaveProfile(AthleteProfile profile) => _profiles.SaveProfileJson(AthleteProfileJson.Serialize(profile));

    public IReadOnlyList<Shoe> LoadShoes() =>
        _profiles.ListShoes().Select(s => new Shoe(s.Name, s.StartDate, s.StartDistanceMeters / 1000, s.RetiredOn)).ToArray();

    /// <summary>Every shoe with its distance and age on <paramref name="asOf"/>, declared or named by a source's gear.</summary>
    public IReadOnlyList<ShoeRow> ListShoes(DateOnly asOf) => ShoeRows(Analyze(asOf, asOf));

    /// <summary>The shoes of an analysis already made, with what was declared about them.</summary>
    public IReadOnlyList<ShoeRow> ShoeRows(AnalysisResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var declared = _profiles.ListShoes().ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        return analysis.Shoes
            .Select(s => (status: s, declared: declared.GetValueOrDefault(s.Name)))
            .Select(x => new ShoeRow(
                x.status.Name,
                x.declared is { } d ? ShoeRow.Iso(d.StartDate) : "-",
                (x.declared?.StartDistanceMeters ?? 0) / 1000,
                Math.Round(x.status.Kilometers, 1),
                x.status.AgeDays,
                x.declared?.RetiredOn is { } retired ? ShoeRow.Iso(retired) : null))
            .ToArray();
    }

    public AnalysisResult Analyze(DateOnly asOf, DateOnly onset, AnalysisSettings? settings = null) =>
        Analyzer.Analyze(LoadRuns(), LoadProfile(), LoadShoes(), asOf, onset, settings ?? AnalysisSettings.Default);
}
