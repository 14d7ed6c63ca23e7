using Microsoft.Playwright;

namespace CalfCoach.Web.Tests;

/// <summary>Dark mode follows the phone's setting (prefers-color-scheme), and every word stays readable in it.</summary>
public sealed class DarkModeTests(DemoApp app, Browser browser) : IClassFixture<DemoApp>
{
    /// <summary>
    /// Each element with its own text: its colour against the first opaque background behind it (WCAG 2 contrast
    /// ratio from relative luminance). Chart text is left out: the charts keep their light card in both schemes.
    /// </summary>
    private const string LowContrast = """
        () => {
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
            const p = m[1].split(',').map(parseFloat); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = ({ r, g, b }) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
          const behind = el => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; }
            return { r: 255, g: 255, b: 255 }; };
          const low = [];
          for (const el of document.querySelectorAll('body *')) {
            if (el.closest('svg') || ![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
            const box = el.getBoundingClientRect(), style = getComputedStyle(el);
            if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
            const a = lum(parse(style.color)), b = lum(behind(el));
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < 4.5) low.push(`${el.tagName} "${el.textContent.trim().slice(0, 40)}" ${style.color}: ${ratio.toFixed(2)}`);
          }
          return low;
        }
        """;

    [Theory]
    [InlineData("/")]
    [InlineData("/plan")]
    [InlineData("/assess")]
    [InlineData("/shoes")]
    [InlineData("/metronome")]
    public async Task With_the_system_set_to_dark_the_page_is_dark_and_every_text_keeps_a_contrast_of_at_least_4_5(string path)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width: 360);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync(path);

        var background = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor");
        Assert.Equal("rgb(18, 20, 23)", background);
        var low = await page.EvaluateAsync<string[]>(LowContrast);
        Assert.True(low.Length == 0, $"{path} in dark mode: " + string.Join("; ", low));
        await Browser.AssertAccessibleAsync(page, $"{path} in dark mode");
        await Browser.ScreenshotAtEveryWidthAsync(page, path == "/" ? "dark-home" : $"dark{path.Replace('/', '-')}");

        // And the same page with the system set to light is still light: the dark colours come only from the setting.
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).backgroundColor"));
        Assert.Empty(await page.EvaluateAsync<string[]>(LowContrast));
        await page.Context.CloseAsync();
    }
}
