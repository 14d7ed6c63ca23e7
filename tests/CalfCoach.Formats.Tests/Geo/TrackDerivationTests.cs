using CalfCoach.Formats.Geo;

namespace CalfCoach.Formats.Tests.Geo;

public sealed class TrackDerivationTests
{
    /// <summary>1e-4° of longitude on the equator: 6 371 008.8 m × π/180 × 1e-4.</summary>
    private const double Step = 11.119508023;

    [Fact]
    public void CumulativeDistance_PointsAlongTheEquator_AddsEachStep()
    {
        double[] lat = [0, 0, 0];
        double[] lon = [0, 0.0001, 0.0003];
        var distance = new double[3];

        var total = TrackDerivation.CumulativeDistance(lat, lon, [1, 1, 1], distance);

        Assert.Equal(3 * Step, total, 6);
        Assert.Equal(0, distance[0]);
        Assert.Equal(Step, distance[1], 6);
        Assert.Equal(3 * Step, distance[2], 6);
    }

    [Fact]
    public void CumulativeDistance_AcrossASegmentBreak_DoesNotCountTheJump()
    {
        double[] lat = [0, 0, 0, 0];
        double[] lon = [0, 0.0001, 0.0101, 0.0102]; // ~1.1 km jump between segments 1 and 2
        var distance = new double[4];

        var total = TrackDerivation.CumulativeDistance(lat, lon, [1, 1, 2, 2], distance);

        Assert.Equal(2 * Step, total, 6);
        Assert.Equal(Step, distance[2], 6);
    }

    [Fact]
    public void CumulativeDistance_SampleWithoutPosition_RepeatsThePreviousTotal()
    {
        double[] lat = [0, double.NaN, 0];
        double[] lon = [0, double.NaN, 0.0001];
        var distance = new double[3];

        TrackDerivation.CumulativeDistance(lat, lon, [1, 1, 1], distance);

        Assert.Equal(0, distance[1]);
        Assert.Equal(Step, distance[2], 6);
    }

    [Fact]
    public void CumulativeDistance_SinglePosition_ReturnsNaNTotal()
    {
        var distance = new double[1];

        Assert.True(double.IsNaN(TrackDerivation.CumulativeDistance([1.0], [1.0], [1], distance)));
    }

    [Fact]
    public void Speed_RegularOneSecondSamples_IsTheCentralDifference()
    {
        double[] time = [0, 1, 2, 3];
        double[] distance = [0, 3, 7, 12];
        var speed = new double[4];

        TrackDerivation.Speed(time, distance, [1, 1, 1, 1], speed);

        // First: window [0, 2] → 7/2; middle ones: (7-0)/2, (12-3)/2; last: window [1, 3] → 9/2.
        Assert.Equal([3.5, 3.5, 4.5, 4.5], speed);
    }

    [Fact]
    public void Speed_DuplicatedTimestamp_WidensTheWindowInsteadOfDividingByZero()
    {
        // Equal steps, times 0, 1, 1, 3 (a duplicated second, then a gap). Hand-computed windows:
        // i=0: [0,3] → 3·Step/3; i=1: [0,2] spans 1 s, widens to [0,3] → 3·Step/3;
        // i=2: [1,3] → 2·Step/2; i=3: [2,3] → Step/2.
        double[] time = [0, 1, 1, 3];
        double[] distance = [0, Step, 2 * Step, 3 * Step];
        var speed = new double[4];

        TrackDerivation.Speed(time, distance, [1, 1, 1, 1], speed);

        Assert.Equal(Step, speed[0], 6);
        Assert.Equal(Step, speed[1], 6);
        Assert.Equal(Step, speed[2], 6);
        Assert.Equal(Step / 2, speed[3], 6);
    }

    [Fact]
    public void Speed_WindowStopsAtSegmentBoundaries()
    {
        double[] time = [0, 1, 100, 101];
        double[] distance = [0, 4, 4, 10];
        var speed = new double[4];

        TrackDerivation.Speed(time, distance, [1, 1, 2, 2], speed);

        Assert.Equal([4.0, 4.0, 6.0, 6.0], speed);
    }

    [Fact]
    public void Speed_TimesWithinMicroseconds_GiveNoSpeed()
    {
        // GPSBabel writes 1901-12-13T20:45:52.207Z-style placeholder times (gpxpy's Mojstrovka.gpx).
        double[] time = [0, 0.0000437, 0.0000001];
        double[] distance = [0, 10, 20];
        var speed = new double[3];

        TrackDerivation.Speed(time, distance, [1, 1, 1], speed);

        Assert.All(speed, s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void Speed_SampleWithoutTime_IsNaNAndIsSkippedByNeighbours()
    {
        double[] time = [0, double.NaN, 2];
        double[] distance = [0, 5, 8];
        var speed = new double[3];

        TrackDerivation.Speed(time, distance, [1, 1, 1], speed);

        Assert.Equal(4.0, speed[0]);
        Assert.True(double.IsNaN(speed[1]));
        Assert.Equal(4.0, speed[2]);
    }

    [Fact]
    public void AscentMeters_NoiseBelowTheThreshold_CountsNothing()
    {
        Assert.Equal(0, TrackDerivation.AscentMeters([100, 101, 100, 101.5, 100, 102.9]));
    }

    [Fact]
    public void AscentMeters_ClimbsWithADipBetween_CountsBothClimbsInFull()
    {
        // ref 100 → 104 counts +4 (climbing), 106 +2; 103 is 3 below the top: descending, ref 103;
        // 105 is only +2; 99 lowers ref; 110 counts +11. Total 17.
        Assert.Equal(17, TrackDerivation.AscentMeters([100, 102, 104, 106, 103, 105, 99, 110]));
    }

    [Fact]
    public void AscentMeters_SmallDipDuringAClimb_CountsOnlyNewHeight()
    {
        // 100 → 105 (+5), dip to 104 (less than 3 m), back to 107 (+2 above the previous top).
        Assert.Equal(7, TrackDerivation.AscentMeters([100, 105, 104, 107]));
    }

    [Fact]
    public void AscentMeters_SkipsMissingAltitudes()
    {
        Assert.Equal(10, TrackDerivation.AscentMeters([double.NaN, 100, double.NaN, 110]));
    }

    [Fact]
    public void AscentMeters_FewerThanTwoAltitudes_IsNaN()
    {
        Assert.True(double.IsNaN(TrackDerivation.AscentMeters([double.NaN, 100])));
    }
}
