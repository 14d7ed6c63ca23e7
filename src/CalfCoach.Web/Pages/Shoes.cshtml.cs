using CalfCoach.Core.Analysis;
using CalfCoach.Import.History;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Resources;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>Shoes: the list and the add and retire forms, through the same methods as <c>/api/shoes</c>.</summary>
public sealed class ShoesModel(RunnerData data) : PageModel
{
    public IReadOnlyList<ShoeRow> Shoes { get; private set; } = [];

    public AthleteProfile Profile { get; private set; } = AthleteProfile.Default;

    public (string Key, string Message)? Error { get; private set; }

    public string? Saved { get; private set; }

    public DateOnly Today => data.Today;

    public void OnGet() => Load();

    public IActionResult OnPostAdd(string? name, string? since, double? startKm)
    {
        Error = ShoesApi.TryAdd(data, new ShoeRequest(name ?? string.Empty, since, startKm));
        Saved = Error is null ? ShoesPageText.Added(name ?? string.Empty) : null;
        Load();
        return Page();
    }

    public IActionResult OnPostRetire(string? name)
    {
        Error = ShoesApi.TryRetire(data, new RetireShoeRequest(name ?? string.Empty));
        Saved = Error is null ? ShoesPageText.Retired(name ?? string.Empty) : null;
        Load();
        return Page();
    }

    public string Distance(double kilometers) => DistanceText.Distance(kilometers, Profile.Units);

    private void Load()
    {
        Profile = data.History.LoadProfile();
        Shoes = data.History.ListShoes(data.Today);
    }
}
