using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;
using static CalfCoach.Report.Tests.ReportFixtures;

namespace CalfCoach.Report.Tests;

/// <summary>
/// Issue 4 acceptance: "the report opens in a browser with every chart visible; a test renders it in headless Chromium
/// and checks that the charts are there".
/// </summary>
public sealed partial class BrowserRenderingTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("calfcoach-report-");

    public void Dispose() => _work.Delete(recursive: true);

    [Theory]
    [InlineData(1200)]
    [InlineData(360)]
    public void Every_chart_is_laid_out_and_painted_at_desktop_and_phone_width(int width)
    {
        Assert.SkipUnless(HeadlessChromium.IsInstalled, HeadlessChromium.SkipReason);
        var report = ReportRenderer.Render(DemoAnalysis, DemoAssessment, Options);

        // Chromium will not make a window narrower than 500 px, so the report, unchanged, is shown in an iframe exactly
        // `width` px wide (its viewport, for CSS media queries too). The report itself has no script and forbids one;
        // the measuring script lives in the wrapper page and reads the iframe's layout.
        // 1. Layout: each figure's svg box, the page height, and whether anything is wider than the viewport.
        //    Measured twice: a 900 px frame has a vertical scrollbar that narrows the text and makes the page taller than
        //    in the screenshot, so the boxes are taken from a frame as tall as the page, the one the screenshot shows.
        var dom = HeadlessChromium.DumpDom(Write("measure.html", Wrapper(report, width, 900, measure: true)), Math.Max(width, 500), 900);
        var viewport = PageSize().Match(dom);
        Assert.True(viewport.Success, "the measuring script did not run");
        var pageHeight = (int)Px(viewport, "h");
        dom = HeadlessChromium.DumpDom(Write("measure.html", Wrapper(report, width, pageHeight, measure: true)), Math.Max(width, 500), pageHeight);
        viewport = PageSize().Match(dom);
        Assert.True(viewport.Success, "the measuring script did not run at full height");
        Assert.Equal(width, (int)Px(viewport, "w"));
        pageHeight = (int)Px(viewport, "h");

        var boxes = Measurement().Matches(dom).ToDictionary(
            m => m.Groups["id"].Value,
            m => (X: Px(m, "x"), Y: Px(m, "y"), W: Px(m, "w"), H: Px(m, "h"), Svgs: int.Parse(m.Groups["svgs"].Value, CultureInfo.InvariantCulture)));

        Assert.Equal(ReportChartIds.All.Order(), boxes.Keys.Order());
        foreach (var (id, box) in boxes)
        {
            // One drawing shown: the page's (800 × 400) on a wide screen, the phone's (340 × 440, at most 26rem) on a narrow one.
            var phone = width <= 640;
            Assert.True(box.Svgs == 1, $"{id}: {box.Svgs} svg elements shown");
            Assert.True(box.W > 0.8 * Math.Min(width - 40, phone ? 416 : 800) && box.W <= width, $"{id}: svg width {box.W} at window width {width}");
            Assert.InRange(box.H / box.W, phone ? 1.25 : 0.45, phone ? 1.34 : 0.55); // scaled, proportions kept
            Assert.True(box.X >= 0 && box.X + box.W <= width, $"{id}: svg spills out of the page ({box.X} + {box.W})");
        }

        Assert.DoesNotMatch("overflowing \\d", dom);

        // 2. Paint: a screenshot with the iframe as tall as the report; each chart's box must hold ink, and the
        //    weekly-distance chart both bar colours (normal and spike).
        var png = Path.Combine(_work.FullName, $"report-{width}.png");
        HeadlessChromium.Screenshot(Write("paint.html", Wrapper(report, width, pageHeight, measure: false)), png, Math.Max(width, 500), pageHeight);
        Assert.True(new FileInfo(png).Length > 20_000, "screenshot is (nearly) blank");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((Math.Max(width, 500), pageHeight), (bitmap.Width, bitmap.Height));

        foreach (var (id, box) in boxes)
        {
            var ink = InkFraction(bitmap, box.X, box.Y, box.W, box.H);
            Assert.True(ink > 0.02, $"{id}: only {ink:P1} of the chart box is painted at width {width}");
        }

        var weekly = boxes[ReportChartIds.WeeklyDistance];
        Assert.True(CountColour(bitmap, weekly, new SKColor(0x44, 0x77, 0xAA)) > 100, "no normal-week bars painted");
        Assert.True(CountColour(bitmap, weekly, new SKColor(0xEE, 0x66, 0x77)) > 20, "no spike-week bars painted");
    }

    /// <summary>A page holding <paramref name="report"/> unchanged in an iframe of the given size, optionally with the measuring script.</summary>
    private static string Wrapper(string report, int width, int height, bool measure) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>html, body { margin: 0; } iframe { border: 0; display: block; }</style></head><body>"
        + $"<iframe id=\"report\" style=\"width: {width}px; height: {height}px\" srcdoc=\"{System.Net.WebUtility.HtmlEncode(report)}\"></iframe>"
        + (measure ? MeasuringScript : string.Empty)
        + "</body></html>";

    private const string MeasuringScript = """
        <script>
        const frame = document.getElementById('report');
        function measure() {
          const doc = frame.contentDocument, win = frame.contentWindow;
          for (const f of doc.querySelectorAll('figure')) {
            const shown = [...f.querySelectorAll('svg')].filter(svg => svg.getBoundingClientRect().width > 0);
            const s = shown[0];
            const r = s ? s.getBoundingClientRect() : { x: 0, y: 0, width: 0, height: 0 };
            const p = document.createElement('p');
            p.textContent = `measured ${f.id} x=${r.x} y=${r.y + win.scrollY} w=${r.width} h=${r.height} svgs=${shown.length}`;
            document.body.append(p);
          }
          const page = document.createElement('p');
          page.textContent = `page w=${win.innerWidth} h=${doc.documentElement.scrollHeight}`;
          document.body.append(page);
          if (doc.documentElement.scrollWidth > win.innerWidth) {
            document.body.append(`overflowing ${doc.documentElement.scrollWidth}`);
          }
        }
        if (frame.contentDocument && frame.contentDocument.readyState === 'complete' && frame.contentDocument.querySelector('figure')) { measure(); }
        else { frame.addEventListener('load', measure); }
        </script>
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static double Px(Match m, string group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>Share of pixels in the box that are clearly not white.</summary>
    private static double InkFraction(SKBitmap bitmap, double x, double y, double w, double h)
    {
        int inked = 0, total = 0;
        for (var py = (int)y; py < Math.Min(bitmap.Height, (int)(y + h)); py += 2)
        {
            for (var px = (int)x; px < Math.Min(bitmap.Width, (int)(x + w)); px += 2)
            {
                var c = bitmap.GetPixel(px, py);
                total++;
                if (c.Red + c.Green + c.Blue < 3 * 230)
                {
                    inked++;
                }
            }
        }

        return total == 0 ? 0 : (double)inked / total;
    }

    private static int CountColour(SKBitmap bitmap, (double X, double Y, double W, double H, int Svgs) box, SKColor colour)
    {
        var count = 0;
        for (var py = (int)box.Y; py < Math.Min(bitmap.Height, (int)(box.Y + box.H)); py++)
        {
            for (var px = (int)box.X; px < Math.Min(bitmap.Width, (int)(box.X + box.W)); px++)
            {
                var c = bitmap.GetPixel(px, py);
                if (Math.Abs(c.Red - colour.Red) + Math.Abs(c.Green - colour.Green) + Math.Abs(c.Blue - colour.Blue) < 24)
                {
                    count++;
                }
            }
        }

        return count;
    }

    [GeneratedRegex("measured (?<id>\\S+) x=(?<x>[\\d.e-]+) y=(?<y>[\\d.e-]+) w=(?<w>[\\d.e-]+) h=(?<h>[\\d.e-]+) svgs=(?<svgs>\\d+)")]
    private static partial Regex Measurement();

    [GeneratedRegex("page w=(?<w>\\d+) h=(?<h>\\d+)")]
    private static partial Regex PageSize();
}
