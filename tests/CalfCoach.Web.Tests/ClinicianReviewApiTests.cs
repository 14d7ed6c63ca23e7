using System.Net;
using System.Text.Json.Nodes;

namespace CalfCoach.Web.Tests;

/// <summary>Clinician visits over HTTP, on an app of their own: the assessment here raises the advice, which must not leak into other plan tests.</summary>
public sealed class ClinicianReviewApiTests(ClinicianApp app) : IClassFixture<ClinicianApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_clinician_visit_over_http_without_an_all_clear_keeps_the_advice()
    {
        using (await app.Client.PostAsync("/api/assessments", PlanTests.Json(PlanTests.WeekOfHomeCare().Replace("\"bruising\":false", "\"bruising\":true", StringComparison.Ordinal)), Cancel))
        {
        }

        using var seen = await app.Client.PostAsync("/api/check-ins/clinician", PlanTests.Json("{\"clearedForRehab\": false, \"note\": \"scan next week\"}"), Cancel);
        using var badDate = await app.Client.PostAsync("/api/check-ins/clinician", PlanTests.Json("{\"clearedForRehab\": true, \"date\": \"27/11/2026\"}"), Cancel);

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal("see-clinician", JsonNode.Parse(await seen.Content.ReadAsStringAsync(Cancel))!["disposition"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.NotNull(JsonNode.Parse(await badDate.Content.ReadAsStringAsync(Cancel))!["errors"]!["date"]);
    }
}
