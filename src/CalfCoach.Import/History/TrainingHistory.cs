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
/// One instance remembers the runs it loaded (each with the JSON it was read from), the profile and shoes, and the last few
/// analyses it made. Runs are read again only when the runs' part of <see cref="ProfileStore.InputsVersion"/> changes (and
/// then only new or changed JSON is parsed), the profile and shoes when the other part does. An analysis is reused while
/// what it reads is equal: the runs counted up to its as-of day (<see cref="Analyzer.RunsRead"/>), the profile, the
/// shoes, the dates and the settings. So a run added after a programme's start day, an upload kept as a duplicate or a
/// change outside the analysis leaves the start day's analysis as it was, while a run added before it (an older run
/// uploaded late) or a profile change makes a new one. The analysis is a pure function of those inputs, so reuse
/// cannot change a result.
/// </remarks>
public sealed class TrainingHistory(Database database)
{
    private readonly ActivityStore _activities = new(database);
    private readonly ProfileStore _profiles = new(database);
    private readonly Lock _cacheLock = new();

    // Held while the runs are read and parsed, so two requests after an import (the home page analyses today and the
    // programme's start day side by side) parse the new runs once, not each on its own core.
    private readonly Lock _loadLock = new();
    private (string Version, RunFeatures[] Runs, Dictionary<long, (string Json, RunFeatures Features)> ById)? _runs;
    private (string Version, AthleteProfile Profile, Shoe[] Shoes)? _rest;

    // A few analyses, not one: the home page asks for today's and the programme replays its start day's, so one slot made
    // them evict each other on every request once a programme was a day old (two full analyses per view).
    private const int AnalysesKept = 4;
    private readonly List<KeptAnalysis> _analyses = [];

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
        lock (_loadLock)
        {
            Dictionary<long, (string Json, RunFeatures Features)>? previous;
            RunFeatures[]? previousRuns;
            lock (_cacheLock)
            {
                if (_runs is { } cached && cached.Version == version)
                {
                    return cached.Runs;
                }

                previous = _runs?.ById;
                previousRuns = _runs?.Runs;
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

            // The same runs as before (an upload kept as a duplicate, a write elsewhere): the same array, so every kept
            // analysis is recognised at a glance.
            if (previousRuns is not null && previousRuns.AsSpan().SequenceEqual(runs))
            {
                runs = previousRuns;
            }

            lock (_cacheLock)
            {
                _runs = (version, runs, byId);
            }

            return runs;
        }
    }

    /// <summary>The profile and shoes as the analysis reads them, read again only when they were written.</summary>
    private (AthleteProfile Profile, Shoe[] Shoes) LoadRest(string version)
    {
        lock (_cacheLock)
        {
            if (_rest is { } cached && cached.Version == version)
            {
                return (cached.Profile, cached.Shoes);
            }
        }

        var profile = LoadProfile();
        var shoes = LoadShoes().ToArray();
        lock (_cacheLock)
        {
            _rest = (version, profile, shoes);
        }

        return (profile, shoes);
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
        var runs = LoadRuns(version.Runs);
        var (profile, shoes) = LoadRest(version.Rest);
        RunFeatures[]? read = null;
        lock (_cacheLock)
        {
            for (var i = _analyses.Count - 1; i >= 0; i--)
            {
                var kept = _analyses[i];
                if (kept.AsOf != asOf || kept.Onset != onset || kept.Settings != settings || kept.Profile != profile
                    || !kept.Shoes.AsSpan().SequenceEqual(shoes))
                {
                    continue;
                }

                // Other runs than when it was made: still this analysis when those up to its day are the same.
                read ??= ReferenceEquals(kept.From, runs) ? null : Analyzer.RunsRead(runs, profile, asOf);
                if (read is null || read.AsSpan().SequenceEqual(kept.Read))
                {
                    _analyses.RemoveAt(i);
                    _analyses.Add(kept with { From = runs });
                    return kept.Result;
                }
            }
        }

        read ??= Analyzer.RunsRead(runs, profile, asOf);
        var result = Analyzer.Analyze(read, profile, shoes, asOf, onset, settings);
        lock (_cacheLock)
        {
            if (_analyses.Count >= AnalysesKept)
            {
                _analyses.RemoveAt(0);
            }

            _analyses.Add(new KeptAnalysis(runs, read, profile, shoes, asOf, onset, settings, result));
        }

        return result;
    }

    /// <param name="From">The whole run list it was last found valid for (a quick check while nothing was imported).</param>
    /// <param name="Read">The runs the analysis read (<see cref="Analyzer.RunsRead"/>).</param>
    private sealed record KeptAnalysis(
        RunFeatures[] From,
        RunFeatures[] Read,
        AthleteProfile Profile,
        Shoe[] Shoes,
        DateOnly AsOf,
        DateOnly Onset,
        AnalysisSettings Settings,
        AnalysisResult Result);
}
