using CalfCoach.Core;
using CalfCoach.Core.Analysis;
using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Validation;
using CalfCoach.Storage;

namespace CalfCoach.Import.History;

/// <summary>
/// The runner's stored history as the analysis sees it: run features (recomputed where missing or
/// stale), shoes with the runs assigned to them by hand, and the athlete profile.
/// </summary>
/// <remarks>
/// One instance remembers the runs it loaded (each with the JSON it was read from) and the last few analyses it made, and reuses
/// them while <see cref="ProfileStore.InputsVersion"/> is unchanged: a long-lived web app asks for the same analysis on every
/// page, and after an import only the new or changed runs are read again. The analysis is a pure function of those inputs,
/// so reuse cannot change a result.
/// </remarks>
public sealed class TrainingHistory(Database database)
{
    private readonly ActivityStore _activities = new(database);
    private readonly ProfileStore _profiles = new(database);
    private readonly Lock _cacheLock = new();
    private (string Version, RunFeatures[] Runs, Dictionary<long, (string Json, RunFeatures Features)> ById)? _runs;
    // A few analyses, not one: the home page asks for today's and the programme replays its start day's, so one slot made
    // them evict each other on every request once a programme was a day old (two full analyses per view).
    private const int AnalysesKept = 4;
    private readonly List<(AnalysisInputsVersion Version, DateOnly AsOf, DateOnly Onset, AnalysisSettings Settings, AnalysisResult Result)> _analyses = [];

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
    public IReadOnlyList<RunFeatures> LoadRuns() => LoadRuns(_profiles.InputsVersion().Runs);

    private RunFeatures[] LoadRuns(string version)
    {
        Dictionary<long, (string Json, RunFeatures Features)>? previous;
        lock (_cacheLock)
        {
            if (_runs is { } cached && cached.Version == version)
            {
                return cached.Runs;
            }

            previous = _runs?.ById;
        }

        if (Backfill() > 0)
        {
            version = _profiles.InputsVersion().Runs;
        }

        // Only features whose stored JSON differs from what was read last time are parsed again.
        var assigned = _profiles.ShoeAssignments();
        var byId = new Dictionary<long, (string Json, RunFeatures Features)>();
        var runs = _profiles.LoadFeatures()
            .Select(row =>
            {
                var features = previous is not null && previous.TryGetValue(row.ActivityId, out var known) && known.Json == row.Json
                    ? known.Features
                    : RunFeaturesJson.Deserialize(row.Json);
                byId[row.ActivityId] = (row.Json, features);
                return assigned.TryGetValue(row.ActivityId, out var shoe) ? features with { Gear = shoe } : features;
            })
            .ToArray();
        lock (_cacheLock)
        {
            _runs = (version, runs, byId);
        }

        return runs;
    }

    public AthleteProfile LoadProfile() =>
        _profiles.LoadProfileJson() is { } json ? AthleteProfileJson.Deserialize(json) : AthleteProfile.Default;

    public void SaveProfile(AthleteProfile profile) => _profiles.SaveProfileJson(AthleteProfileJson.Serialize(profile));

    public IReadOnlyList<Shoe> LoadShoes() =>
        _profiles.ListShoes().Select(s => new Shoe(s.Name, s.StartDate, StartKilometers(s), s.RetiredOn)).ToArray();

    /// <summary>
    /// The distance a shoe had before it was added, or 0 for a value no shoe can have (infinity, negative): a database
    /// written before <see cref="InputRules.ShoeStartKm"/> may hold one, and it must not break every read of the shoes.
    /// </summary>
    private static double StartKilometers(StoredShoe shoe) =>
        InputRules.ShoeStartKm.Allows(shoe.StartDistanceMeters / 1000) ? shoe.StartDistanceMeters / 1000 : 0;

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
                x.declared is { } d ? IsoDate.ToText(d.StartDate) : "-",
                x.declared is { } s ? StartKilometers(s) : 0,
                Math.Round(x.status.Kilometers, 1),
                x.status.AgeDays,
                x.declared?.RetiredOn is { } retired ? IsoDate.ToText(retired) : null))
            .ToArray();
    }

    public AnalysisResult Analyze(DateOnly asOf, DateOnly onset, AnalysisSettings? settings = null)
    {
        settings ??= AnalysisSettings.Default;
        var version = _profiles.InputsVersion();
        lock (_cacheLock)
        {
            _analyses.RemoveAll(a => a.Version != version);
            foreach (var cached in _analyses)
            {
                if (cached.AsOf == asOf && cached.Onset == onset && cached.Settings == settings)
                {
                    return cached.Result;
                }
            }
        }

        var result = Analyzer.Analyze(LoadRuns(version.Runs), LoadProfile(), LoadShoes(), asOf, onset, settings);
        lock (_cacheLock)
        {
            if (_analyses.Count >= AnalysesKept)
            {
                _analyses.RemoveAt(0);
            }

            _analyses.Add((version, asOf, onset, settings, result));
        }

        return result;
    }
}
