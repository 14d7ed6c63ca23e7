using CalfCoach.Core.Analysis;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>The profile form: a field left empty keeps its value, as with <c>calfcoach profile</c> and <c>PATCH /api/profile</c>.</summary>
public sealed class ProfileModel(RunnerData data) : PageModel
{
    public AthleteProfile Profile { get; private set; } = AthleteProfile.Default;

    public (string Key, string Message)? Error { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>
    /// The country the browser's language suggests (en-GB → GB), offered until the runner confirms one by saving: a
    /// suggestion only, never stored without the runner's say.
    /// </summary>
    public string? SuggestedCountry => Profile.Country is null ? SuggestCountry(Request.Headers.AcceptLanguage.ToString()) : null;

    public void OnGet() => Profile = data.History.LoadProfile();

    internal static string? SuggestCountry(string acceptLanguage)
    {
        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = part.Split(';')[0];
            var dash = tag.LastIndexOf('-');
            if (dash > 0 && tag[(dash + 1)..] is { Length: 2 } region && CalfCoach.Core.Assessment.EmergencyServices.IsKnown(region))
            {
                return region.ToUpperInvariant();
            }
        }

        return null;
    }

    public IActionResult OnPost(ProfileUpdateRequest update)
    {
        Error = ProfileApi.TryUpdate(data, update) is [var first, ..] ? (first.Key, first.Message) : null;
        Saved = Error is null;
        Profile = data.History.LoadProfile();
        return Page();
    }
}
