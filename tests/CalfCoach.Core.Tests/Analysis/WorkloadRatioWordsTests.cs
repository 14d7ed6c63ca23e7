using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Tests.Analysis;

/// <summary>The dashboard's words for the workload ratio, at the edges of the bands drawn on the chart (EVIDENCE.md 3.4).</summary>
public sealed class WorkloadRatioWordsTests
{
    [Theory]
    [InlineData(0.41, "lower than your usual load")]
    [InlineData(0.79, "lower than your usual load")]
    [InlineData(0.80, "close to your usual load")]
    [InlineData(1.30, "close to your usual load")]
    [InlineData(1.31, "above your usual load")]
    [InlineData(1.49, "above your usual load")]
    [InlineData(1.50, "well above your usual load")]
    public void Ratio_is_described_by_the_band_it_falls_in(double ratio, string words) =>
        Assert.Equal(words, AnalysisSettings.Default.DescribeWorkloadRatio(ratio));

    [Fact]
    public void No_band_is_called_safe_or_risky_because_the_bands_are_contested()
    {
        var all = new[] { 0.5, 1.0, 1.4, 2.0 }.Select(AnalysisSettings.Default.DescribeWorkloadRatio).ToArray();

        Assert.DoesNotContain(all, w => w.Contains("safe", StringComparison.OrdinalIgnoreCase) || w.Contains("risk", StringComparison.OrdinalIgnoreCase));
    }
}
