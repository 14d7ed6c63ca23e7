using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>The sign-in, account and sign-out pages in Chromium: redirects, forms, a token made once, accessibility.</summary>
public sealed class SignInPageTests(SignInApp app, Browser browser) : IClassFixture<SignInApp>
{
    [Fact]
    public async Task A_runner_signs_in_on_the_way_to_a_page_makes_a_token_and_signs_out()
    {
        Assert.SkipUnless(Browser.IsInstalled, Browser.SkipReason);
        AccountClient.AddAccount(app, "browser.runner@example.org");
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);

        await page.GotoAsync("/plan");
        Assert.EndsWith("/sign-in?returnUrl=%2Fplan", page.Url, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page, "the sign-in page");
        await page.GetByLabel("E-mail address").FillAsync("browser.runner@example.org");
        await page.GetByLabel("Password").FillAsync(AccountClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/plan");

        await page.GotoAsync("/account");
        await page.GetByLabel("Name of a new token (what it is for)").FillAsync("phone shortcut");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a token" }).ClickAsync();
        var token = (await page.Locator("#new-token").TextContentAsync())!;
        Assert.StartsWith("cc_", token, StringComparison.Ordinal);
        await Browser.AssertAccessibleAsync(page, "the account page");
        await Browser.ScreenshotAsync(page, "account");

        // On a phone the token (one long word) and the tokens table fit the screen: nothing pushes the page sideways.
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"),
            "the account page scrolls sideways at 360 px");
        Assert.Equal("2026-11-27", await page.Locator("#tokens time").GetAttributeAsync("datetime"));

        await page.GotoAsync("/account");
        Assert.Equal(0, await page.Locator("#new-token").CountAsync());
        Assert.Contains("phone shortcut", await page.Locator("#tokens").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/sign-in");
        var after = await page.Context.APIRequest.GetAsync("/api/session");
        Assert.Equal(401, after.Status);
        await page.Context.CloseAsync();
    }
}
