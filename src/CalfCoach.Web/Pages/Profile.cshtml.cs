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

    public void OnGet() => Profile = data.History.LoadProfile();

    public IActionResult OnPost(ProfileUpdateRequest update)
    {
        Error = ProfileApi.TryUpdate(data, update) is [var first, ..] ? (first.Key, first.Message) : null;
        Saved = Error is null;
        Profile = data.History.LoadProfile();
        return Page();
    }
}
