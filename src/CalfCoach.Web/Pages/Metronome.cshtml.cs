using System.Globalization;
using CalfCoach.Core.Plans;
using CalfCoach.Formats.Audio;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>The metronome: plays <c>/api/metronome</c> in the page and offers it as a download.</summary>
public sealed class MetronomeModel(RunnerData data) : PageModel
{
    public double Spm { get; private set; }

    public double Minutes { get; private set; } = 20;

    public int Accent { get; private set; }

    /// <summary>Where the suggestion came from, in words.</summary>
    public string? Suggestion { get; private set; }

    public string? Error { get; private set; }

    public string TrackUrl(bool download, bool wav = false) => string.Create(CultureInfo.InvariantCulture,
        $"/api/metronome?spm={Spm:0.#}&minutes={Minutes:0.#}&accent={Accent}{(wav ? "&format=wav" : string.Empty)}{(download ? "&download=true" : string.Empty)}");

    /// <summary>
    /// The Opus file's size, rounded up to a tenth of a megabyte. Measured per minute: 21 kB at 60 steps per minute, 37 kB at
    /// 168, 47 kB at 240, 49 kB at 300; about 12 kB of silence plus 150 bytes a click, at most 50 kB.
    /// </summary>
    public string DownloadMegabytes => (Math.Ceiling(Minutes * Math.Min(12_000 + (150 * Spm), 50_000) / 1e5) / 10).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>The WAV file's exact size in megabytes.</summary>
    public string WavMegabytes => (ClickTrack.FileBytes(new ClickTrackSpec(Spm, Minutes, Accent)) / 1e6).ToString("0.0", CultureInfo.InvariantCulture);

    public void OnGet(double? spm, double? minutes, int? accent)
    {
        // The recorded plan's target first, then the plan's one rounding (CadencePlan) of today's measure, so this page names
        // the target the plan, the report and `plan --json` name.
        if (spm is null && data.Journal.Programme(data.Today) is { State.CadenceTargetSpm: { } planned, Start.EasyCadenceSpm: { } measured })
        {
            Spm = planned;
            Suggestion = MetronomePageText.SuggestionFromPlan(CadencePlan.StartSpm(measured), planned);
        }
        else if (spm is null && data.Analyze().Cadence is { } cadence && CadencePlan.FirstTargetSpm(cadence.CadenceAtEasySpeed) is { } target)
        {
            Spm = target;
            Suggestion = MetronomePageText.SuggestionFromRuns(CadencePlan.StartSpm(cadence.CadenceAtEasySpeed), target);
        }
        else
        {
            Spm = spm ?? CadencePlan.TargetMin;
        }

        Minutes = minutes ?? Minutes;
        Accent = accent ?? 0;
        try
        {
            new ClickTrackSpec(Spm, Minutes, Accent).Validate();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            Error = ex.Message.Split(" (Parameter", 2)[0];
        }
    }
}
