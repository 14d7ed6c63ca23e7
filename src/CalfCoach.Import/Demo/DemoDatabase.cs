using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;
using CalfCoach.Storage;

namespace CalfCoach.Import.Demo;

/// <summary>
/// Fills a database with the generated demo runner (<see cref="DemoHistory"/>) the way a real runner's history
/// arrives: written as FIT files, then read back through the real importer. Used by <c>calfcoach demo</c> and
/// <c>calfcoach serve --demo</c>, so both show the same runner.
/// </summary>
public static class DemoDatabase
{
    /// <param name="filesFolder">Where the FIT files are written (a folder the caller owns and deletes).</param>
    /// <param name="onset">The day the demo runner's calf began to hurt; the runs end the day before.</param>
    public static async Task<ImportSummary> PopulateAsync(Database database, string filesFolder, DateOnly onset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        Directory.CreateDirectory(filesFolder);
        foreach (var run in DemoHistory.Generate(onset))
        {
            await File.WriteAllBytesAsync(Path.Combine(filesFolder, Path.GetFileName(run.Source.Path)), FitActivityWriter.Write(run), cancellationToken).ConfigureAwait(false);
        }

        var profiles = new ProfileStore(database);
        if (!profiles.ListShoes().Any(s => s.Name == DemoHistory.ShoeName))
        {
            profiles.AddShoe(DemoHistory.ShoeName, DemoHistory.FirstDay(onset), DemoHistory.ShoeStartKm * 1000);
        }

        // The demo runner's height is what lets the analysis estimate step length (the overstriding prompt).
        if (profiles.LoadProfileJson() is null)
        {
            profiles.SaveProfileJson(AthleteProfileJson.Serialize(DemoHistory.Profile));
        }

        return await new ActivityImporter(new ActivityStore(database), profiles).ImportAsync([filesFolder], null, cancellationToken).ConfigureAwait(false);
    }
}
