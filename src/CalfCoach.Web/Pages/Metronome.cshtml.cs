using System.Globalization;
using CalfCoach.Core.Plans;
using CalfCoach.Formats.Audio;
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

    public string TrackUrl(bool download) => string.Create(CultureInfo.InvariantCulture,
        $"/api/metronome?spm={Spm:0.#}&minutes={Minutes:0.#}&accent={Accent}{(download ? "&download=true" : string.Empty)}");

    public void OnGet(double? spm, double? minutes, int? accent)
    {
        // The recorded plan's target first, then the plan's one rounding (CadencePlan) of today's measure, so this page names
        // the target the plan, the report and `plan --json` name.
        if (spm is null && data.Journal.Programme(data.Today) is { State.CadenceTargetSpm: { } planned, Start.EasyCadenceSpm: { } measured })
        {
            Spm = planned;
            Suggestion = string.Create(CultureInfo.InvariantCulture,
                $"Your cadence at easy pace was about {CadencePlan.StartSpm(measured)} steps per minute when your plan started; it aims for {planned} now.");
        }
        else if (spm is null && data.Analyze().Cadence is { } cadence && CadencePlan.FirstTargetSpm(cadence.CadenceAtEasySpeed) is { } target)
        {
            Spm = target;
            Suggestion = string.Create(CultureInfo.InvariantCulture,
                $"Your cadence at easy pace is about {CadencePlan.StartSpm(cadence.CadenceAtEasySpeed)} steps per minute; the first step of the cadence plan is {target}.");
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
